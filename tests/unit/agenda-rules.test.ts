import { describe, expect, it } from 'vitest';
import { TOWN_ACTIVITIES } from '../../src/lib/domain/agenda/activities.ts';
import { dayKind, isoWeek, type TownCalendar } from '../../src/lib/domain/agenda/calendar.ts';
import { parisDate, parisWallTime } from '../../src/lib/domain/agenda/paris-time.ts';
import { countPeriodDays, expandPeriod, type Periodicity } from '../../src/lib/domain/agenda/periodicity.ts';
import { addDays } from '../../src/lib/domain/agenda/dates.ts';
import { refusalSentence } from '../../src/lib/domain/agenda/agenda-labels.ts';
import { bulkChanges, newPlanState, planChanges } from '../../src/lib/domain/agenda/planner.ts';
import {
	bookingRefusal,
	cancellationRefusal,
	deadlineFor,
	type DayContext
} from '../../src/lib/domain/agenda/rules.ts';

const calendar: TownCalendar = {
	schoolYears: [{ id: '2026-2027', startsOn: '2026-09-01', endsOn: '2027-07-02' }],
	closures: [
		{ kind: 'vacances', label: 'Vacances de Noël', startsOn: '2026-12-19', endsOn: '2027-01-03' },
		{ kind: 'ferie', label: 'Noël', startsOn: '2026-12-25', endsOn: '2026-12-25' },
		{ kind: 'ferie', label: 'Lundi de Pâques', startsOn: '2027-03-29', endsOn: '2027-03-29' },
		{ kind: 'fermeture', label: 'Journée pédagogique', startsOn: '2027-02-05', endsOn: '2027-02-05' }
	]
};
const activity = (code: string) => TOWN_ACTIVITIES.find((a) => a.code === code)!;
const context = (over: Partial<DayContext> & { code: string }): DayContext => ({
	activity: activity(over.code),
	date: '2026-12-03',
	calendar,
	now: new Date('2026-11-28T09:00:00Z'),
	sessions: ['restauration-scolaire', 'garderie', 'centre-de-loisirs'],
	bookedThatDay: [],
	bookedCount: 0,
	allActivities: TOWN_ACTIVITIES,
	...over
});

describe('open days', () => {
	it('tells school days, leisure days and closed days apart', () => {
		expect(dayKind(calendar, '2026-12-03')).toEqual({ open: 'school' }); // jeudi
		expect(dayKind(calendar, '2026-12-02')).toEqual({ open: 'leisure' }); // mercredi
		expect(dayKind(calendar, '2026-12-22')).toEqual({ open: 'leisure' }); // vacances de Noël
		expect(dayKind(calendar, '2026-12-25')).toMatchObject({ open: false, reason: 'ferie', label: 'Noël' });
		expect(dayKind(calendar, '2026-12-05')).toMatchObject({ open: false, reason: 'weekend' });
		expect(dayKind(calendar, '2027-02-05')).toMatchObject({ open: false, reason: 'fermeture' });
		expect(dayKind(calendar, '2027-08-02')).toMatchObject({ open: false, reason: 'hors-annee' });
	});

	it('numbers weeks as the ISO calendar does', () => {
		expect(isoWeek('2018-01-29')).toBe(5);
		expect(isoWeek('2018-02-26')).toBe(9);
		expect(isoWeek('2027-01-01')).toBe(53);
		expect(isoWeek('2026-12-28')).toBe(53);
		expect(isoWeek('2027-01-04')).toBe(1);
	});
});

describe('deadlines in Paris time', () => {
	it('closes the day before at the activity hour, winter and summer', () => {
		expect(deadlineFor(activity('garderie-soir-payante'), '2026-12-03').toISOString()).toBe(
			'2026-12-02T17:00:00.000Z'
		);
		expect(deadlineFor(activity('garderie-soir-payante'), '2027-06-03').toISOString()).toBe(
			'2027-06-02T16:00:00.000Z'
		);
	});

	it('follows the clock change nights', () => {
		// Clocks go forward on Sunday 28 March 2027 at 02:00: 18:00 that day is 16:00 UTC.
		expect(deadlineFor(activity('garderie-matin-gratuite'), '2027-03-29').toISOString()).toBe(
			'2027-03-28T16:00:00.000Z'
		);
		// Clocks go back on Sunday 25 October 2026: 18:00 that day is 17:00 UTC.
		expect(deadlineFor(activity('garderie-matin-gratuite'), '2026-10-26').toISOString()).toBe(
			'2026-10-25T17:00:00.000Z'
		);
		expect(parisWallTime('2027-03-28', 2).toISOString()).toBe('2027-03-28T01:00:00.000Z');
	});

	it('knows the Paris day across midnight UTC', () => {
		expect(parisDate(new Date('2026-12-02T23:30:00Z'))).toBe('2026-12-03');
		expect(parisDate(new Date('2027-06-02T22:30:00Z'))).toBe('2027-06-03');
	});

	it('refuses once the deadline has passed, and never the same day', () => {
		const lunch = { code: 'restauration-midi', date: '2026-12-03' };
		expect(bookingRefusal(context({ ...lunch, now: new Date('2026-12-02T08:59:00Z') }))).toBeNull();
		expect(bookingRefusal(context({ ...lunch, now: new Date('2026-12-02T09:00:00Z') }))).toMatchObject({
			code: 'delai-depasse',
			reason: 'La date limite est dépassée depuis le 02/12/2026 à 10:00.'
		});
		expect(bookingRefusal(context({ ...lunch, now: new Date('2026-12-03T06:00:00Z') }))?.code).toBe(
			'delai-depasse'
		);
		expect(bookingRefusal(context({ ...lunch, date: '2026-11-27' }))?.code).toBe('delai-depasse');
	});
});

describe('booking rules', () => {
	it('allows an enrolled child on an open day before the deadline', () => {
		expect(bookingRefusal(context({ code: 'restauration-midi' }))).toBeNull();
	});

	it('refuses closed days with a French reason', () => {
		expect(bookingRefusal(context({ code: 'restauration-midi', date: '2026-12-02' }))).toMatchObject({
			code: 'ferme'
		});
		expect(bookingRefusal(context({ code: 'centre-de-loisirs', date: '2026-12-03' }))?.code).toBe('ferme');
		expect(bookingRefusal(context({ code: 'centre-de-loisirs', date: '2026-12-02' }))).toBeNull();
	});

	it('refuses an activity the child is not enrolled in', () => {
		expect(
			bookingRefusal(context({ code: 'garderie-soir-gratuite', sessions: ['restauration-scolaire'] }))
		).toMatchObject({
			code: 'non-inscrit',
			reason: "L'enfant n'est pas inscrit à l'activité « Garderie soir » (inscription par la fiche enfant)."
		});
	});

	it('allows one morning garderie per day, free or paid', () => {
		const paid = context({ code: 'garderie-matin-payante', bookedThatDay: ['garderie-matin-gratuite'] });
		expect(bookingRefusal(paid)?.code).toBe('conflit');
		expect(
			bookingRefusal(context({ code: 'garderie-soir-payante', bookedThatDay: ['garderie-matin-gratuite'] }))
		).toBeNull();
	});

	it('refuses a second booking of the same activity and a full day', () => {
		expect(
			bookingRefusal(context({ code: 'restauration-midi', bookedThatDay: ['restauration-midi'] }))?.code
		).toBe('deja-reserve');
		const leisure = { code: 'centre-de-loisirs', date: '2026-12-02' };
		expect(bookingRefusal(context({ ...leisure, bookedCount: 39 }))).toBeNull();
		expect(bookingRefusal(context({ ...leisure, bookedCount: 40 }))?.code).toBe('complet');
	});

	it('cancels only an existing booking, before the deadline', () => {
		expect(cancellationRefusal(context({ code: 'restauration-midi' }))?.code).toBe('non-reserve');
		expect(
			cancellationRefusal(context({ code: 'restauration-midi', bookedThatDay: ['restauration-midi'] }))
		).toBeNull();
		const late = context({
			code: 'restauration-midi',
			bookedThatDay: ['restauration-midi'],
			now: new Date('2026-12-02T12:00:00Z')
		});
		expect(cancellationRefusal(late)?.code).toBe('delai-depasse');
	});
});

describe('saisie groupée periods', () => {
	it('keeps the chosen weekdays', () => {
		expect(expandPeriod('2026-11-30', '2026-12-13', [0, 3], 'hebdomadaire')).toEqual([
			'2026-11-30',
			'2026-12-03',
			'2026-12-07',
			'2026-12-10'
		]);
	});

	it('takes one week in two, counting from the first week', () => {
		expect(expandPeriod('2026-12-02', '2027-01-08', [4], 'une-semaine-sur-deux')).toEqual([
			'2026-12-04',
			'2026-12-18',
			'2027-01-01'
		]);
	});

	it('covers every day with no periodicity and no weekday chosen', () => {
		expect(expandPeriod('2026-12-01', '2026-12-03', [], 'aucune')).toEqual([
			'2026-12-01',
			'2026-12-02',
			'2026-12-03'
		]);
	});

	it('counts the days of a period without listing them, as many as expandPeriod lists', () => {
		const subsets = [[], [0], [2], [4], [0, 3], [1, 2, 4], [0, 1, 2, 3, 4], [3, 3]];
		const periodicities: Periodicity[] = ['aucune', 'hebdomadaire', 'une-semaine-sur-deux'];
		for (let start = 0; start < 7; start++) {
			const from = addDays('2026-11-30', start);
			for (const length of [0, 1, 5, 6, 7, 8, 13, 14, 15, 29, 60, 399]) {
				const to = addDays(from, length);
				for (const weekdays of subsets) {
					for (const periodicity of periodicities) {
						const listed = expandPeriod(from, to, weekdays, periodicity).length;
						expect([
							from,
							to,
							weekdays,
							periodicity,
							countPeriodDays(from, to, weekdays, periodicity)
						]).toEqual([from, to, weekdays, periodicity, listed]);
					}
				}
			}
		}
		expect(countPeriodDays('2026-12-02', '2026-12-01', [], 'aucune')).toBe(0);
		expect(countPeriodDays('pas-une-date', '2026-12-01', [], 'aucune')).toBe(0);
	});
});

describe('the planner', () => {
	it('counts the places it gives within one list of changes: the last one goes to one child', () => {
		const children = [7, 8].map((id) => ({ id, sessions: ['centre-de-loisirs'] }));
		const state = newPlanState(
			{ activities: TOWN_ACTIVITIES, calendar, now: new Date('2026-11-28T09:00:00Z') },
			children,
			[],
			[{ activityCode: 'centre-de-loisirs', date: '2026-12-02', count: 39 }] // capacity 40
		);
		const changes = bulkChanges({
			personIds: [7, 8],
			action: 'creer',
			from: '2026-12-02',
			to: '2026-12-02',
			activityCodes: ['centre-de-loisirs'],
			periodicity: 'aucune',
			weekdays: []
		});
		const plan = planChanges(state, [
			...changes,
			{ personId: 7, activityCode: 'centre-de-loisirs', date: '2026-12-02', action: 'cancel' },
			{ personId: 8, activityCode: 'centre-de-loisirs', date: '2026-12-02', action: 'create' }
		]);
		expect(plan.accepted.map((c) => `${c.personId} ${c.action}`)).toEqual([
			'7 create',
			'7 cancel',
			'8 create'
		]);
		expect(plan.refused.map((c) => `${c.personId} ${c.code}`)).toEqual(['8 complet']);
		expect(state.capacity.get('centre-de-loisirs|2026-12-02')).toBe(40);
	});
});

describe('the reasons, as a parent reads them', () => {
	const refusals = [
		bookingRefusal(context({ code: 'restauration-midi', date: '2026-12-02' })),
		bookingRefusal(context({ code: 'garderie-soir-gratuite', sessions: ['restauration-scolaire'] })),
		bookingRefusal(context({ code: 'restauration-midi', now: new Date('2026-12-02T09:00:00Z') })),
		bookingRefusal(context({ code: 'restauration-midi', bookedThatDay: ['restauration-midi'] })),
		bookingRefusal(context({ code: 'garderie-matin-payante', bookedThatDay: ['garderie-matin-gratuite'] })),
		bookingRefusal(context({ code: 'centre-de-loisirs', date: '2026-12-02', bookedCount: 40 })),
		cancellationRefusal(context({ code: 'restauration-midi' }))
	];

	it('gives one reason for each rule, each one sentence with no colon but the hour’s', () => {
		expect(refusals.map((r) => r?.code)).toEqual([
			'ferme',
			'non-inscrit',
			'delai-depasse',
			'deja-reserve',
			'conflit',
			'complet',
			'non-reserve'
		]);
		for (const refusal of refusals) expect(refusal?.reason).toMatch(/^[^:]*(\d\d:\d\d[^:]*)?\.$/);
	});

	it('says a passed deadline in the past tense, and reads after "refusée :"', () => {
		const late = cancellationRefusal(
			context({
				code: 'restauration-midi',
				date: '2026-12-01',
				bookedThatDay: ['restauration-midi'],
				now: new Date('2026-11-30T09:30:00Z')
			})
		);
		expect(late?.reason).toBe('La date limite est dépassée depuis le 30/11/2026 à 10:00.');
		expect(refusalSentence('reservation.cancel.v1', { date: '2026-12-01' }, late!.reason)).toBe(
			'Annulation du mardi 1er décembre 2026 refusée : la date limite est dépassée depuis le 30/11/2026 à 10:00.'
		);
		expect(refusalSentence('reservation.create.v1', { date: '2026-12-03' }, refusals[4]!.reason)).toBe(
			'Réservation du jeudi 3 décembre 2026 refusée : « Garderie matin gratuite » est déjà réservée le 03/12 (une seule garderie matin par jour).'
		);
	});
});
