import { describe, expect, it } from 'vitest';
import { displayName, familyName } from '../../src/lib/domain/profile/person-name.ts';

describe('a person’s name as the portal writes it', () => {
	it('the usage name when there is one, else the birth name, in capitals', () => {
		expect(familyName({ nomUsage: null, nomNaissance: 'Dupin' })).toBe('DUPIN');
		expect(familyName({ nomUsage: 'Martin-Dupin', nomNaissance: 'Martin' })).toBe('MARTIN-DUPIN');
	});

	it('“NOM Prénom”, as in the agenda, its history and the profile', () => {
		expect(displayName({ nomUsage: null, nomNaissance: 'Dupin', prenom: 'Tim' })).toBe('DUPIN Tim');
		expect(displayName({ nomUsage: 'Lefèvre', nomNaissance: 'Martin', prenom: 'Claire' })).toBe(
			'LEFÈVRE Claire'
		);
	});
});
