import { describe, expect, it } from 'vitest';
import {
	defaultUsername,
	uniqueUsername,
	usernameProblem,
	usernameSlug
} from '../../src/lib/domain/accounts/username.ts';
import { longestStringWork } from '../server/support/string-work.ts';

describe('usernames', () => {
	it('default to prénom.nom, lower case, without accents or spaces', () => {
		expect(defaultUsername('Pascal', 'DUPIN')).toBe('pascal.dupin');
		expect(defaultUsername('Éloïse', 'Le Bœuf')).toBe('eloise.lebuf');
		expect(defaultUsername('Jean-Marc', "D'Hesdigneul")).toBe('jean-marc.dhesdigneul');
	});

	it('are made unique with a number', async () => {
		const taken = new Set(['pascal.dupin', 'pascal.dupin2']);
		expect(await uniqueUsername('pascal.dupin', async (u) => taken.has(u))).toBe('pascal.dupin3');
		expect(await uniqueUsername('marie.martin', async (u) => taken.has(u))).toBe('marie.martin');
	});

	it('follow a simple pattern', () => {
		expect(usernameProblem('pascal.dupin')).toBeNull();
		expect(usernameProblem('')).toBe('Ce champ est obligatoire.');
		for (const bad of ['pa', 'Pascal', 'pascal dupin', '.pascal', 'é.dupin', 'x'.repeat(41)]) {
			expect(usernameProblem(bad), bad).toMatch(/^De 3 à 40 caractères/);
		}
	});

	it('read only the beginning of a name, however long', async () => {
		let slug = '';
		expect(
			await longestStringWork(() => (slug = usernameSlug(`Élise${'\uFDFA'.repeat(500_000)}`)))
		).toBeLessThanOrEqual(160 * 18);
		expect(slug).toMatch(/^elise/);
		expect(defaultUsername('Élise', 'x'.repeat(500_000))).toBe(`elise.${'x'.repeat(30)}`);
	});
});
