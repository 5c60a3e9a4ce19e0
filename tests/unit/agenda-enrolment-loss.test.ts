import { describe, expect, it } from 'vitest';
import {
	enrolmentLossMessage,
	lossLine,
	lostGroups,
	sessionChanges
} from '../../src/lib/domain/agenda/enrolment-loss.ts';

describe('enrolment loss', () => {
	it('tells the sessions gained and lost', () => {
		expect(sessionChanges(['garderie', 'restauration-scolaire'], ['garderie', 'centre-de-loisirs'])).toEqual({
			added: ['centre-de-loisirs'],
			dropped: ['restauration-scolaire']
		});
	});

	it('closes the groups of a dropped session, both garderies for the garderie', () => {
		expect(lostGroups(['garderie'], ['restauration-scolaire'])).toEqual(['garderie-matin', 'garderie-soir']);
		expect(lostGroups([], ['garderie'])).toEqual([]);
	});

	it('writes the family’s message with the days and the amount refunded', () => {
		expect(lossLine({ session: 'restauration-scolaire', days: 3, refundedCents: 1050 })).toBe(
			'Restauration scolaire : 3 jours réservés annulés et remboursés (10,50 €).'
		);
		expect(lossLine({ session: 'garderie', days: 1, refundedCents: 0 })).toBe(
			'Garderie : 1 jour réservé annulé et remboursé (0,00 €).'
		);
		expect(lossLine({ session: 'centre-de-loisirs', days: 0, refundedCents: 0 })).toBe(
			'Centre de loisirs : aucune réservation à venir.'
		);
		const body = enrolmentLossMessage('Tim DUPIN', [{ session: 'garderie', days: 2, refundedCents: 300 }]);
		expect(body).toContain('Tim DUPIN');
		expect(body).toContain('- Garderie : 2 jours réservés annulés et remboursés (3,00 €).');
	});
});
