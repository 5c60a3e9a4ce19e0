import { TOWN_ACTIVITIES } from '../../src/lib/domain/agenda/activities.ts';
import { toIsoDate } from '../../src/lib/domain/agenda/dates.ts';
import { frenchPublicHolidays } from '../../src/lib/domain/agenda/public-holidays.ts';
import { SCHOOL_YEARS, schoolYearFor } from '../../src/lib/domain/agenda/school-years.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { TOWN_CATEGORIES, TOWN_PROCEDURES } from './town-catalog.ts';

const SETUP_KEY = 'town-defaults-v1';

/**
 * Fills a new database with what the town starts with: catalogue, news, activities with their
 * tariffs and the school calendar of the current (and next, when known) school year. Runs in one
 * transaction and only once: a town's later edits are never overwritten by a restart.
 */
export async function installTownDefaults(db: Db, clock: Clock, townName: string): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const done = await trx
			.selectFrom('town_setup')
			.select('key')
			.where('key', '=', SETUP_KEY)
			.executeTakeFirst();
		if (done) return false;
		const now = clock.now();
		const today = toIsoDate(now);

		for (const [position, c] of TOWN_CATEGORIES.entries()) {
			await trx.insertInto('catalog_category').values({ slug: c.slug, label: c.label, position }).execute();
		}
		const categories = await trx.selectFrom('catalog_category').select(['id', 'slug']).execute();
		for (const [position, p] of TOWN_PROCEDURES.entries()) {
			const categoryId = categories.find((c) => c.slug === p.category)?.id ?? null;
			await trx
				.insertInto('procedure')
				.values({ slug: p.slug, label: p.label, summary: p.summary, category_id: categoryId, position })
				.execute();
		}

		await trx
			.insertInto('news_item')
			.values({
				title: 'Bienvenue sur votre portail citoyen',
				body: `Bienvenue sur le portail citoyen de la ${townName.replace(/^Ville de /, 'ville de ')}. Réservez la cantine et la garderie, faites vos démarches en ligne et suivez votre compte famille, même sans réseau.`,
				published_on: today,
				created_at: now.toISOString()
			})
			.execute();

		for (const [position, a] of TOWN_ACTIVITIES.entries()) {
			await trx
				.insertInto('activity')
				.values({
					code: a.code,
					group_code: a.groupCode,
					group_label: a.groupLabel,
					label: a.label,
					start_time: a.startTime,
					end_time: a.endTime,
					price_cents: a.priceCents,
					tariff_label: a.tariffLabel,
					runs_on: a.runsOn,
					capacity: a.capacity,
					deadline_hour: a.deadlineHour,
					position
				})
				.execute();
		}

		const current = schoolYearFor(today);
		const years = current ? SCHOOL_YEARS.filter((y) => y.startsOn >= current.startsOn) : [];
		for (const year of years) {
			await trx
				.insertInto('school_year')
				.values({ id: year.id, zone: year.zone, starts_on: year.startsOn, ends_on: year.endsOn })
				.execute();
			const holidays = year.holidays.map((h) => ({ kind: 'vacances', ...h }));
			const firstYear = Number(year.startsOn.slice(0, 4));
			const publicHolidays = [...frenchPublicHolidays(firstYear), ...frenchPublicHolidays(firstYear + 1)]
				.filter((h) => year.startsOn <= h.date && h.date <= year.endsOn)
				.map((h) => ({ kind: 'ferie', label: h.label, startsOn: h.date, endsOn: h.date }));
			for (const closure of [...holidays, ...publicHolidays]) {
				await trx
					.insertInto('calendar_closure')
					.values({
						school_year_id: year.id,
						kind: closure.kind,
						label: closure.label,
						starts_on: closure.startsOn,
						ends_on: closure.endsOn
					})
					.execute();
			}
		}

		await trx.insertInto('town_setup').values({ key: SETUP_KEY }).execute();
		return true;
	});
}
