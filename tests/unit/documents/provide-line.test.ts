import { describe, expect, it } from 'vitest';
import {
	canProvide,
	lineKey,
	provideLabel,
	waitingLineKeys
} from '../../../src/lib/domain/documents/provide-line.ts';

describe('Mes justificatifs à fournir: the Action column', () => {
	it('offers "Fournir" for a line never given, "Fournir un nouveau justificatif" after a refusal, nothing otherwise', () => {
		expect(canProvide('non-fourni')).toBe(true);
		expect(canProvide('invalide')).toBe(true);
		expect(canProvide('a-valider')).toBe(false);
		expect(canProvide('valide')).toBe(false);
		expect(provideLabel('non-fourni')).toBe('Fournir');
		expect(provideLabel('invalide')).toBe('Fournir un nouveau justificatif');
	});

	it('says which lines have a file waiting in the outbox, by type and person', () => {
		const outbox = [
			{ kind: 'document.upload.v1', payload: { type: 'attestation-caf', personId: 3 } },
			{
				kind: 'document.provide.v1',
				payload: { type: 'livret-famille', personId: 7, personLabel: 'DUPIN Tim' }
			},
			{
				kind: 'document.provide.v1',
				payload: { type: 'livret-famille', personId: null, personLabel: 'DUPIN Tom' }
			},
			{ kind: 'document.provide.v1', payload: null }
		];
		const keys = waitingLineKeys(outbox);
		expect(keys).toEqual(
			new Set([lineKey('livret-famille', 7, 'DUPIN Tim'), lineKey('livret-famille', null, 'DUPIN Tom')])
		);
		expect(keys.has(lineKey('attestation-caf', 3, null))).toBe(false);
		// A person of the household is one line whatever label the answers gave.
		expect(lineKey('livret-famille', 7, 'DUPIN Tim')).toBe(lineKey('livret-famille', 7, 'Tim'));
	});
});
