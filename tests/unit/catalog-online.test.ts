import { describe, expect, it } from 'vitest';
import { availability, opensOnline } from '../../src/lib/domain/catalog/online.ts';

describe('what a démarche says of itself', () => {
	it('the agenda’s démarches and the requests with their forms are online; the others not yet, whatever copy of the catalogue', () => {
		const online = ['reservation-cantine', 'reservation-garderie', 'fiche-enfant', 'contacter-la-mairie'];
		for (const slug of [...online, 'location-salle-des-fetes', 'mise-a-jour-informations'])
			expect(availability({ slug, online: opensOnline(slug) })).toBe('en-ligne');
		// A démarche the town lists without a form in this version.
		expect(
			availability({
				slug: 'inscription-transport-scolaire',
				online: opensOnline('inscription-transport-scolaire')
			})
		).toBe('bientot');
		// A catalogue kept offline by an older version says nothing of it.
		expect(availability({ slug: 'reservation-cantine' })).toBe('en-ligne');
	});
});
