import { describe, expect, it } from 'vitest';
import { TOWN_ACTIVITIES } from '../../src/lib/domain/agenda/activities.ts';
import { agendaView, bulkForecast, enrolledActivities } from '../../src/lib/domain/agenda/agenda-view.ts';
import type { AgendaSnapshot } from '../../src/lib/domain/agenda/snapshot.ts';
import { gridMove } from '../../src/lib/components/agenda/grid-keys.ts';
import { visibleDays } from '../../src/lib/components/agenda/visible-days.ts';
import { CALENDAR, TIM } from './support-fake-sync-server.ts';

const NOW = new Date('2026-11-30T08:00:00Z'); // Monday 09:00 in Paris
const snapshot = (reservations: AgendaSnapshot['reservations']): AgendaSnapshot => ({
	version: 1,
	from: '2026-11-01',
	to: '2027-01-31',
	activities: TOWN_ACTIVITIES,
	calendar: CALENDAR,
	persons: [TIM],
	reservations,
	capacity: [],
	history: []
});
const lunch = (date: string) => ({ personId: TIM.id, activityCode: 'restauration-midi', date });
const colours = (s: AgendaSnapshot, pending: { kind: string; payload: unknown }[] = []) =>
	Object.fromEntries(
		agendaView(s, pending, TIM.id, ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'], NOW).map((d) => [
			d.date,
			d.colour
		])
	);

describe('the agenda as drawn', () => {
	it("follows the manual's colour code", () => {
		expect(colours(snapshot([lunch('2026-12-03')]))).toEqual({
			'2026-11-30': 'aujourdhui',
			'2026-12-01': 'reservable',
			'2026-12-02': 'ferme',
			'2026-12-03': 'reserve'
		});
		expect(colours(snapshot([lunch('2026-11-30')]))['2026-11-30']).toBe('reserve-aujourdhui');
	});

	it('shows only the activities the child is enrolled in, with price and deadline', () => {
		const [day] = agendaView(snapshot([]), [], TIM.id, ['2026-12-03'], NOW);
		expect(day?.activities.map((a) => a.activity.code)).not.toContain('centre-de-loisirs');
		const meal = day?.activities.find((a) => a.activity.code === 'restauration-midi');
		expect(meal).toMatchObject({ state: 'reservable', canBook: true, canCancel: false });
		expect(meal?.deadline.toISOString()).toBe('2026-12-02T09:00:00.000Z');
	});

	it('draws waiting changes apart, and lets a saisie groupée wait too', () => {
		const pending = [
			{ kind: 'reservation.create.v1', payload: lunch('2026-12-01') },
			{ kind: 'reservation.cancel.v1', payload: lunch('2026-12-03') },
			{
				kind: 'reservation.bulk.v1',
				payload: {
					personIds: [TIM.id],
					action: 'creer',
					from: '2026-12-03',
					to: '2026-12-03',
					activityCodes: ['garderie-soir-gratuite'],
					periodicity: 'aucune',
					weekdays: []
				}
			}
		];
		const days = agendaView(
			snapshot([lunch('2026-12-03')]),
			pending,
			TIM.id,
			['2026-12-01', '2026-12-03'],
			NOW
		);
		const state = (date: string, code: string) =>
			days.find((d) => d.date === date)?.activities.find((a) => a.activity.code === code)?.state;
		expect(state('2026-12-01', 'restauration-midi')).toBe('attente-reservation');
		expect(state('2026-12-03', 'restauration-midi')).toBe('attente-annulation');
		expect(state('2026-12-03', 'garderie-soir-gratuite')).toBe('attente-reservation');
		expect(days.every((d) => d.pending)).toBe(true);
	});
});

describe('days shown', () => {
	it('covers whole weeks around the month, the school week, or the day', () => {
		const month = visibleDays('mois', '2026-12-17');
		expect([month.from, month.to, month.days.length]).toEqual(['2026-11-30', '2027-01-03', 35]);
		expect(visibleDays('semaine', '2026-12-03')).toMatchObject({ from: '2026-11-30', to: '2026-12-04' });
		expect(visibleDays('semaine', '2026-12-06').days).toHaveLength(5);
		expect(visibleDays('jour', '2026-12-03').days).toEqual(['2026-12-03']);
	});
});

describe('the saisie groupée forecast', () => {
	const bulk = (from: string, to: string) => ({
		personIds: [TIM.id],
		action: 'creer' as const,
		from,
		to,
		activityCodes: ['restauration-midi'],
		periodicity: 'aucune' as const,
		weekdays: [0, 1, 2, 3, 4]
	});

	it('counts the changes still waiting in the outbox, as the server will once they are sent first', () => {
		const waiting = [{ kind: 'reservation.create.v1', payload: lunch('2026-12-03') }];
		const forecast = bulkForecast(snapshot([]), waiting, bulk('2026-12-01', '2026-12-04'), NOW);
		expect(forecast.booked).toBe(2);
		expect(forecast.skipped.map((s) => [s.date, s.code])).toEqual([
			['2026-12-02', 'ferme'],
			['2026-12-03', 'deja-reserve']
		]);
	});

	it('agrees with the screen: a waiting cancellation frees the day again', () => {
		const waiting = [{ kind: 'reservation.cancel.v1', payload: lunch('2026-12-03') }];
		const forecast = bulkForecast(
			snapshot([lunch('2026-12-03')]),
			waiting,
			bulk('2026-12-03', '2026-12-03'),
			NOW
		);
		expect(forecast).toMatchObject({ booked: 1, skipped: [] });
	});
});

describe('the month grid under the keyboard', () => {
	it('moves by a day, a week, to the ends of the week, or by a month', () => {
		expect(gridMove('ArrowRight', '2026-11-30')).toBe('2026-12-01');
		expect(gridMove('ArrowUp', '2026-12-03')).toBe('2026-11-26');
		expect(gridMove('Home', '2026-12-03')).toBe('2026-11-30');
		expect(gridMove('End', '2026-12-03')).toBe('2026-12-06');
		expect(gridMove('PageDown', '2027-01-31')).toBe('2027-02-28');
		expect(gridMove('PageUp', '2026-12-15')).toBe('2026-11-15');
		expect(gridMove('Enter', '2026-12-03')).toBeNull();
	});
});

describe('the saisie groupée’s activities', () => {
	const tim = { id: 1, sessions: ['restauration-scolaire', 'garderie'] };
	const lea = { id: 2, sessions: ['centre-de-loisirs'] };
	const codes = (personIds: number[]) =>
		enrolledActivities(TOWN_ACTIVITIES, [tim, lea], personIds).map((a) => a.code);

	it('offers only what a child ticked is enrolled in, for each choice of children', () => {
		expect(codes([1])).toEqual([
			'restauration-midi',
			'garderie-matin-gratuite',
			'garderie-matin-payante',
			'garderie-soir-gratuite',
			'garderie-soir-payante'
		]);
		expect(codes([2])).toEqual(['centre-de-loisirs']);
		expect(codes([1, 2])).toEqual(TOWN_ACTIVITIES.map((a) => a.code));
		expect(codes([])).toEqual([]);
	});
});
