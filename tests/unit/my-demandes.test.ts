import { describe, expect, it } from 'vitest';
import {
	myDemandes,
	sortByNumber,
	type DeviceDraft,
	type ListedDemande
} from '../../src/lib/domain/requests/my-demandes.ts';

const listed = (
	number: number,
	status: ListedDemande['status'],
	extra: Partial<ListedDemande> = {}
): ListedDemande => ({
	id: `d-${number}`,
	number,
	formCode: 'contact-mairie',
	status,
	personLabel: 'DUPIN Pascal',
	updatedAt: '2026-11-20T10:00:00Z',
	submittedAt: status === 'brouillon' ? null : '2026-11-19T23:30:00Z',
	...extra
});
const draft = (id: string, extra: Partial<DeviceDraft> = {}): DeviceDraft => ({
	id,
	formCode: 'fiche-enfant',
	savedAt: '2026-11-28T09:00:00Z',
	state: 'editing',
	data: { enfant: { label: 'DUPIN Tim' } },
	...extra
});
const personOf = (_: string, data: Record<string, unknown>) =>
	(data.enfant as { label?: string } | undefined)?.label ?? null;

describe('Mes demandes', () => {
	it('splits the server\'s demandes into "En cours" and "Effectuées", numbers highest first', () => {
		const { enCours, effectuees } = myDemandes(
			[
				listed(82, 'clos'),
				listed(84, 'brouillon'),
				listed(83, 'refusee'),
				listed(85, 'envoyee'),
				listed(86, 'complement')
			],
			[],
			[],
			personOf
		);
		expect(enCours.map((r) => [r.number, r.statusLabel, r.canContinue, r.canDelete])).toEqual([
			[86, 'Complément demandé', true, false],
			[85, 'Envoyée', false, false],
			[84, 'Brouillon', true, true]
		]);
		expect(effectuees.map((r) => [r.number, r.statusLabel])).toEqual([
			[83, 'Refusée'],
			[82, 'Clos']
		]);
		// Sent at 23:30 UTC on the 19th: the 20th in Paris.
		expect(effectuees[0]).toMatchObject({
			type: 'Contacter la mairie',
			day: '2026-11-20',
			person: 'DUPIN Pascal'
		});
	});

	it('shows a draft of this device never sent, first and without a number', () => {
		const { enCours } = myDemandes([listed(84, 'brouillon')], [draft('local')], [], personOf);
		expect(enCours.map((r) => [r.id, r.number, r.type, r.person, r.statusLabel])).toEqual([
			['local', null, 'Fiche enfant', 'DUPIN Tim', 'Brouillon'],
			['d-84', 84, 'Contacter la mairie', 'DUPIN Pascal', 'Brouillon']
		]);
	});

	it('says "En attente d\'envoi" for a sending queued on the device, with nothing to continue or delete', () => {
		const sending = [{ kind: 'demande.submit.v1', payload: { demandeId: 'd-84' } }];
		const { enCours } = myDemandes(
			[listed(84, 'brouillon')],
			[draft('local', { state: 'envoi-en-attente', number: 90 })],
			sending,
			personOf
		);
		expect(enCours.map((r) => [r.id, r.number, r.statusLabel, r.canContinue, r.canDelete])).toEqual([
			['local', 90, "En attente d'envoi", false, false],
			['d-84', 84, "En attente d'envoi", false, false]
		]);
	});

	it('no longer lists a draft whose deletion waits to be sent', () => {
		const deleting = [{ kind: 'demande.delete.v1', payload: { demandeId: 'd-84' } }];
		expect(myDemandes([listed(84, 'brouillon')], [], deleting, personOf).enCours).toEqual([]);
	});

	it('dates a draft by its last change, on this device or the server', () => {
		const [row] = myDemandes(
			[listed(84, 'brouillon', { updatedAt: '2026-11-20T10:00:00Z' })],
			[draft('d-84', { savedAt: '2026-11-27T10:00:00Z' })],
			[],
			personOf
		).enCours;
		expect(row?.day).toBe('2026-11-27');
	});

	it('sorts by number either way, drafts without a number staying first', () => {
		const { enCours } = myDemandes(
			[listed(84, 'brouillon'), listed(88, 'envoyee')],
			[draft('local')],
			[],
			personOf
		);
		expect(sortByNumber(enCours, 'asc').map((r) => r.number)).toEqual([null, 84, 88]);
		expect(sortByNumber(enCours, 'desc').map((r) => r.number)).toEqual([null, 88, 84]);
	});
});
