import { describe, expect, it } from 'vitest';
import {
	canProvide,
	lineKey,
	provideLabel,
	refusedLines,
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

	it('says why a file or its link was not taken, the file’s own reason first, the newest by line', () => {
		const tim = { type: 'livret-famille', personId: 7, personLabel: 'DUPIN Tim' };
		const outcomes = [
			{
				kind: 'document.upload.v1',
				status: 'rejected',
				payload: { ...tim, documentId: 'a' },
				reason: 'Trop lourd.',
				at: '2026-12-02T10:00:00.000Z'
			},
			{
				kind: 'document.provide.v1',
				status: 'rejected',
				payload: { ...tim, documentId: 'a' },
				reason: 'Non reçu.',
				at: '2026-12-02T10:00:01.000Z'
			},
			{
				kind: 'document.provide.v1',
				status: 'rejected',
				payload: { ...tim, personId: 8, documentId: 'b' },
				reason: 'Non reçu.',
				at: '2026-12-02T09:00:00.000Z'
			},
			{
				kind: 'document.provide.v1',
				status: 'applied',
				payload: { ...tim, personId: 9, documentId: 'c' },
				at: '2026-12-02T09:00:00.000Z'
			}
		];
		const refused = refusedLines(outcomes);
		expect(refused.get(lineKey('livret-famille', 7, null))).toEqual({
			reason: 'Trop lourd.',
			at: '2026-12-02T10:00:01.000Z'
		});
		expect(refused.get(lineKey('livret-famille', 8, null))?.reason).toBe('Non reçu.');
		expect(refused.has(lineKey('livret-famille', 9, null))).toBe(false);
	});
});
