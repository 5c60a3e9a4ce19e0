import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../src/lib/domain/documents/document-view.ts';
import { alreadyProvidedNote, validOnFile } from '../../../src/lib/domain/documents/valid-on-file.ts';
import { documentPersons } from '../../../src/lib/domain/requests/document-persons.ts';
import { FORMS } from '../../../src/lib/domain/requests/forms/index.ts';

const TODAY = '2026-12-02';

function doc(overrides: Partial<DocumentView>): DocumentView {
	return {
		id: crypto.randomUUID(),
		type: 'livret-famille',
		personId: 7,
		personLabel: 'DUPIN Tim',
		status: 'valide',
		expiresOn: null,
		reason: null,
		name: 'livret.pdf',
		mime: 'application/pdf',
		size: 1000,
		uploadedAt: '2026-11-01T10:00:00.000Z',
		...overrides
	};
}

describe('the justificatifs step: a valid document on file is reused', () => {
	const tim = { personId: 7, personLabel: 'DUPIN Tim' };

	it('finds the newest valid, unexpired document of that type for that person, nothing else', () => {
		const older = doc({ uploadedAt: '2026-10-01T10:00:00.000Z' });
		const newer = doc({ uploadedAt: '2026-11-20T10:00:00.000Z', expiresOn: TODAY });
		expect(validOnFile([older, newer], 'livret-famille', tim, TODAY)).toBe(newer);
		for (const other of [
			doc({ status: 'invalide' }),
			doc({ status: 'a-valider' }),
			doc({ expiresOn: '2026-12-01' }),
			doc({ personId: 8 }),
			doc({ type: 'attestation-caf' })
		])
			expect(validOnFile([other], 'livret-famille', tim, TODAY)).toBeNull();
		// A new child, known by the label the family wrote.
		const tom = doc({ personId: null, personLabel: 'DUPIN Tom' });
		expect(validOnFile([tom], 'livret-famille', { personId: null, personLabel: 'DUPIN Tom' }, TODAY)).toBe(
			tom
		);
		expect(
			validOnFile([tom], 'livret-famille', { personId: null, personLabel: 'DUPIN Léo' }, TODAY)
		).toBeNull();
	});

	it('says until when, as dd/mm/yyyy', () => {
		expect(alreadyProvidedNote({ expiresOn: '2027-06-01' })).toBe(
			'Déjà fourni, valide jusqu’au 01/06/2027 : vous n’avez pas besoin d’en envoyer un nouveau.'
		);
		expect(alreadyProvidedNote({ expiresOn: null })).toMatch(/^Déjà fourni, valide sans date de fin/);
	});

	it('reads whom each justificatif is for from the answers so far, nothing from a draft not far enough', () => {
		const persons = documentPersons(FORMS['correction-etat-civil'], {
			'etat-civil': { personne: { personId: 7, label: 'DUPIN Tim' } }
		});
		expect(persons).toEqual({ 'livret-famille': tim });
		expect(documentPersons(FORMS['correction-etat-civil'], {})).toEqual({});
		expect(documentPersons(FORMS['mise-a-jour-adresse'], {})).toEqual({
			'justificatif-domicile': { personId: null, personLabel: null }
		});
	});
});
