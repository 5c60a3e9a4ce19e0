import { describe, expect, it } from 'vitest';
import { pathAfterSignIn } from '../../src/lib/accounts/after-sign-in.ts';

const at = (retour?: string) =>
	new URL(`http://localhost/connexion${retour === undefined ? '' : `?retour=${encodeURIComponent(retour)}`}`);

describe('where an account lands after signing in', () => {
	it('takes a family to the page asked for, else home, never into the back office', () => {
		expect(pathAfterSignIn(at('/agenda'), 'citizen')).toBe('/agenda');
		expect(pathAfterSignIn(at(), 'citizen')).toBe('/');
		expect(pathAfterSignIn(at('/admin/demandes'), 'citizen')).toBe('/');
	});

	it('takes an agent into the back office, to the page asked for when it is one of its pages', () => {
		expect(pathAfterSignIn(at(), 'agent')).toBe('/admin');
		expect(pathAfterSignIn(at('/agenda'), 'administrateur')).toBe('/admin');
		expect(pathAfterSignIn(at('/admin/demandes?statut=envoyee'), 'agent')).toBe(
			'/admin/demandes?statut=envoyee'
		);
		expect(pathAfterSignIn(at('/administration'), 'agent')).toBe('/admin');
	});
});
