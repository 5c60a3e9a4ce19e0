import { describe, expect, it } from 'vitest';
import { capitalized, longDay, monthTitle, weekTitle } from '../../src/lib/domain/agenda/agenda-format.ts';
import { bulkSummaryText } from '../../src/lib/domain/agenda/agenda-labels.ts';

describe('dates as French writes them', () => {
	it('keeps months and weekdays in lower case, with "1er" for the first of the month', () => {
		expect(monthTitle('2026-12-17')).toBe('décembre 2026');
		expect(longDay('2026-12-01')).toBe('mardi 1er décembre 2026');
		expect(longDay('2026-12-03')).toBe('jeudi 3 décembre 2026');
		expect(capitalized(longDay('2027-01-01'))).toBe('Vendredi 1er janvier 2027');
	});

	it('names the dates of a week, the month and year said once when shared', () => {
		expect(weekTitle('2026-11-30', '2026-12-04')).toBe(
			'Semaine du lundi 30 novembre au vendredi 4 décembre 2026'
		);
		expect(weekTitle('2026-12-07', '2026-12-11')).toBe('Semaine du lundi 7 au vendredi 11 décembre 2026');
		expect(weekTitle('2026-12-28', '2027-01-01')).toBe(
			'Semaine du lundi 28 décembre 2026 au vendredi 1er janvier 2027'
		);
	});
});

describe('the saisie groupée summary', () => {
	const skip = {
		personId: 7,
		date: '2026-12-02',
		activityCode: 'restauration-midi',
		code: 'ferme',
		reason: ''
	};

	it('counts bookings, not days, and says how many were left out', () => {
		expect(bulkSummaryText({ booked: 12, cancelled: 0, skipped: [skip, skip, skip, skip] }, 'creer')).toBe(
			'12 réservations créées, 4 ignorées.'
		);
		expect(bulkSummaryText({ booked: 1, cancelled: 0, skipped: [skip] }, 'creer')).toBe(
			'1 réservation créée, 1 ignorée.'
		);
		expect(bulkSummaryText({ booked: 0, cancelled: 3, skipped: [] }, 'supprimer')).toBe(
			'3 réservations annulées.'
		);
		expect(bulkSummaryText({ booked: 0, cancelled: 0, skipped: [skip, skip] }, 'supprimer')).toBe(
			'Aucune réservation annulée, 2 ignorées.'
		);
	});
});
