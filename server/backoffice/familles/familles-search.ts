import {
	FAMILLES_PAGE_SIZE,
	likePatternOf,
	matchesFolded,
	searchWords,
	type FamilleResult,
	type FamillesPage
} from '../../../src/lib/domain/backoffice/familles/familles.ts';
import { displayName } from '../../../src/lib/domain/profile/person-name.ts';
import { foldForSearch } from '../../../src/lib/domain/text/normalize.ts';
import type { Db } from '../../db/database.ts';
import { namesOf } from '../../profile/person-row.ts';

/** Candidates read per source before folding: a search string of two letters stays bounded. */
const MAX_CANDIDATES = 1000;

/**
 * The households of kind 'famille' (never the town's) where a person's name (adult or child) holds
 * every word of the search, in any order ("dupin tim" as "Tim Dupin"), or an account's e-mail
 * contains it, accents and case ignored. SQLite's LIKE finds the candidates by the longest word
 * (accented letters as wildcards), the fold keeps the true matches; a page of 50.
 */
async function matchingHouseholds(db: Db, q: string): Promise<number[]> {
	const folded = foldForSearch(q);
	if (folded === '') {
		const rows = await db
			.selectFrom('household')
			.select('id')
			.where('kind', '=', 'famille')
			.orderBy('id', 'desc')
			.limit(MAX_CANDIDATES)
			.execute();
		return rows.map((r) => r.id);
	}
	const like = likePatternOf(folded);
	const words = searchWords(folded);
	const wordLike = likePatternOf(words.reduce((a, b) => (b.length > a.length ? b : a)));
	const [persons, accounts] = await Promise.all([
		db
			.selectFrom('person')
			.innerJoin('household', 'household.id', 'person.household_id')
			.select(['person.household_id', 'person.nom_naissance', 'person.nom_usage', 'person.prenom'])
			.where('household.kind', '=', 'famille')
			.where((eb) =>
				eb.or([
					eb('person.nom_naissance', 'like', wordLike),
					eb('person.nom_usage', 'like', wordLike),
					eb('person.prenom', 'like', wordLike)
				])
			)
			.limit(MAX_CANDIDATES)
			.execute(),
		db
			.selectFrom('account')
			.innerJoin('household', 'household.id', 'account.household_id')
			.select(['account.household_id', 'account.email'])
			.where('household.kind', '=', 'famille')
			.where('account.role', '=', 'citizen')
			.where('account.email', 'like', like)
			.limit(MAX_CANDIDATES)
			.execute()
	]);
	const ids = new Set<number>();
	for (const p of persons) {
		const names = foldForSearch([p.prenom, p.nom_usage ?? '', p.nom_naissance].join(' '));
		if (words.every((word) => names.includes(word))) ids.add(p.household_id);
	}
	for (const a of accounts) if (matchesFolded(folded, [a.email])) ids.add(a.household_id);
	return [...ids].sort((a, b) => b - a);
}

export async function searchFamilles(db: Db, q: string, page: number): Promise<FamillesPage> {
	const all = await matchingHouseholds(db, q);
	const start = (page - 1) * FAMILLES_PAGE_SIZE;
	const ids = all.slice(start, start + FAMILLES_PAGE_SIZE);
	const hasMore = all.length > start + FAMILLES_PAGE_SIZE;
	if (ids.length === 0) return { results: [], page, hasMore: false };
	const [persons, accounts] = await Promise.all([
		db
			.selectFrom('person')
			.select(['id', 'household_id', 'role', 'nom_naissance', 'nom_usage', 'prenom'])
			.where('household_id', 'in', ids)
			.orderBy('date_naissance')
			.execute(),
		db
			.selectFrom('account')
			.select(['household_id', 'email'])
			.where('household_id', 'in', ids)
			.where('role', '=', 'citizen')
			.execute()
	]);
	const results: FamilleResult[] = ids.map((id) => {
		const members = persons.filter((p) => p.household_id === id);
		const name = (p: (typeof members)[number]) => displayName(namesOf(p));
		const titulaire = members.find((p) => p.role === 'titulaire') ?? members[0];
		return {
			id,
			titulaire: titulaire ? name(titulaire) : '—',
			adultes: members.filter((p) => p.role !== 'enfant').map(name),
			enfants: members.filter((p) => p.role === 'enfant').map(name),
			emails: accounts.filter((a) => a.household_id === id).map((a) => a.email)
		};
	});
	return { results, page, hasMore };
}
