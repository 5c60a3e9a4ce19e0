import { describe, expect, it } from 'vitest';
import { TOWN_ACTIVITIES } from '../../src/lib/domain/agenda/activities.ts';
import { refusalSentence } from '../../src/lib/domain/agenda/agenda-labels.ts';

const late = 'La date limite est dépassée depuis le 30/11/2026 à 10:00.';
const tim = { id: 7, prenom: 'Tim' };
const lea = { id: 8, prenom: 'Léa' };

describe('refusalSentence', () => {
	it('names the refused activity, on a day of several', () => {
		const names = { activities: TOWN_ACTIVITIES, persons: [tim] };
		const payload = { personId: 7, activityCode: 'garderie-matin-payante', date: '2026-12-01' };
		expect(refusalSentence('reservation.create.v1', payload, late, names)).toBe(
			'Réservation de Garderie matin payante du mardi 1er décembre 2026 refusée : la date limite est dépassée depuis le 30/11/2026 à 10:00.'
		);
		expect(
			refusalSentence('reservation.cancel.v1', { ...payload, activityCode: 'restauration-midi' }, late, names)
		).toBe(
			'Annulation de Restauration scolaire (Repas de midi) du mardi 1er décembre 2026 refusée : la date limite est dépassée depuis le 30/11/2026 à 10:00.'
		);
	});

	it('names the child when the household has several', () => {
		const names = { activities: TOWN_ACTIVITIES, persons: [tim, lea] };
		const payload = { personId: 8, activityCode: 'centre-de-loisirs', date: '2026-12-02' };
		expect(refusalSentence('reservation.create.v1', payload, 'Complet.', names)).toBe(
			'Réservation de Centre de loisirs (journée) pour Léa du mercredi 2 décembre 2026 refusée : complet.'
		);
	});

	it('elides "de" before a vowel', () => {
		const etude = { code: 'etude', groupLabel: 'Étude', label: 'Étude surveillée' };
		const payload = { personId: 7, activityCode: 'etude', date: '2026-12-01' };
		expect(
			refusalSentence('reservation.create.v1', payload, late, { activities: [etude], persons: [tim] })
		).toMatch(/^Réservation d’Étude surveillée du mardi/);
	});

	it('says the day alone for an activity the snapshot no longer lists, or without a snapshot', () => {
		const payload = { personId: 7, activityCode: 'ancienne', date: '2026-12-01' };
		const expected =
			'Réservation du mardi 1er décembre 2026 refusée : la date limite est dépassée depuis le 30/11/2026 à 10:00.';
		expect(
			refusalSentence('reservation.create.v1', payload, late, { activities: TOWN_ACTIVITIES, persons: [tim] })
		).toBe(expected);
		expect(refusalSentence('reservation.create.v1', payload, late)).toBe(expected);
	});
});
