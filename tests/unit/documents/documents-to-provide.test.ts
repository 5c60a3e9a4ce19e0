import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../src/lib/domain/documents/document-view.ts';
import { documentsToProvide } from '../../../src/lib/domain/documents/documents-to-provide.ts';
import type { DemandeView } from '../../../src/lib/domain/requests/snapshot.ts';

const need = (
	type: DemandeView['needs'][number]['type'],
	personId: number | null,
	personLabel: string | null
) => ({
	type,
	personId,
	personLabel,
	documentId: null,
	status: 'non-fourni' as const
});

function demande(
	number: number,
	status: DemandeView['status'],
	needs: DemandeView['needs'],
	formCode: DemandeView['formCode'] = 'fiche-enfant'
): DemandeView {
	return {
		id: `d${number}`,
		number,
		formCode,
		status,
		personId: null,
		personLabel: null,
		data: {},
		step: 0,
		revision: 1,
		writerId: 'w',
		createdAt: '2026-11-01T10:00:00Z',
		updatedAt: '2026-11-01T10:00:00Z',
		submittedAt: '2026-11-01T10:00:00Z',
		history: [],
		needs
	};
}

function doc(values: Partial<DocumentView> & Pick<DocumentView, 'id' | 'type' | 'status'>): DocumentView {
	return {
		personId: null,
		personLabel: null,
		expiresOn: null,
		reason: null,
		name: 'x.pdf',
		mime: 'application/pdf',
		size: 1,
		uploadedAt: '2026-11-01T10:00:00Z',
		...values
	};
}

const caf = need('attestation-caf', 1, 'MARINELLI SONIA');

describe('Mes justificatifs à fournir', () => {
	it('lists each (type, person) once with the open demandes needing it, as the manual writes them', () => {
		const lines = documentsToProvide(
			[
				demande(51, 'envoyee', [caf, need('livret-famille', null, 'MARINELLI Adelia')]),
				demande(36, 'complement', [caf]),
				demande(52, 'en-cours', [caf], 'salle-des-fetes'),
				demande(40, 'clos', [caf]),
				demande(41, 'brouillon', [caf])
			],
			[],
			'2026-11-28'
		);
		expect(lines.map((l) => [l.title, l.status, l.demandes.map((d) => d.label)])).toEqual([
			[
				'Attestation CAF de MARINELLI SONIA',
				'non-fourni',
				['Fiche enfant : 36', 'Fiche enfant : 51', 'Location de la salle des fêtes : 52']
			],
			[
				'Livret de famille intégral ou acte de naissance de MARINELLI Adelia',
				'non-fourni',
				['Fiche enfant : 51']
			]
		]);
	});

	it('keeps asking, on a Clos demande, for a justificatif the town refused, until a valid one', () => {
		const refusedNeed = { ...caf, documentId: 'a', status: 'invalide' as const };
		const refused = doc({
			id: 'a',
			type: 'attestation-caf',
			personId: 1,
			status: 'invalide',
			reason: 'Trop ancienne.'
		});
		const livret = need('livret-famille', 2, 'MARINELLI Adelia');
		const lines = documentsToProvide([demande(40, 'clos', [refusedNeed, livret])], [refused], '2026-11-28');
		// The refused one is asked for again; the one never given is not (the town closed without it).
		expect(lines.map((l) => [l.title, l.status, l.reason, l.demandes.map((d) => d.label)])).toEqual([
			['Attestation CAF de MARINELLI SONIA', 'invalide', 'Trop ancienne.', ['Fiche enfant : 40']]
		]);
		const given = { ...caf, documentId: 'b', status: 'a-valider' as const };
		const again = doc({
			id: 'b',
			type: 'attestation-caf',
			personId: 1,
			status: 'a-valider',
			uploadedAt: '2026-11-29T08:00:00Z'
		});
		expect(
			documentsToProvide([demande(40, 'clos', [given])], [refused, again], '2026-11-29')[0]?.status
		).toBe('a-valider');
		const valid = { ...caf, documentId: 'b', status: 'valide' as const };
		expect(documentsToProvide([demande(40, 'clos', [valid])], [], '2026-11-29')).toEqual([]);
	});

	it('shows the newest document: invalide with its reason, à valider, or valide until its expiry', () => {
		const demandes = [demande(1, 'envoyee', [caf])];
		const refused = doc({
			id: 'a',
			type: 'attestation-caf',
			personId: 1,
			status: 'invalide',
			reason: 'Illisible.'
		});
		expect(documentsToProvide(demandes, [refused], '2026-11-28')[0]).toMatchObject({
			status: 'invalide',
			reason: 'Illisible.'
		});
		const again = doc({
			id: 'b',
			type: 'attestation-caf',
			personId: 1,
			status: 'a-valider',
			uploadedAt: '2026-11-20T10:00:00Z'
		});
		expect(documentsToProvide(demandes, [refused, again], '2026-11-28')[0]).toMatchObject({
			status: 'a-valider',
			documentId: 'b',
			reason: null
		});
		const valid = doc({
			id: 'c',
			type: 'attestation-caf',
			personId: 1,
			status: 'valide',
			expiresOn: '2027-01-31'
		});
		expect(documentsToProvide(demandes, [valid], '2026-11-28')[0]).toMatchObject({
			status: 'valide',
			expiresOn: '2027-01-31'
		});
		// Expired: to provide again. Another person's: not this one.
		expect(documentsToProvide(demandes, [valid], '2027-02-01')[0]?.status).toBe('non-fourni');
		const other = doc({ id: 'd', type: 'attestation-caf', personId: 2, status: 'valide' });
		expect(documentsToProvide(demandes, [other], '2026-11-28')[0]?.status).toBe('non-fourni');
	});
});
