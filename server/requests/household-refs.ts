import type { Db } from '../db/database.ts';

/** A person or an address of the household that an answer names, and where ("responsable.adresse.addressId"). */
type Ref = { kind: 'personId' | 'addressId'; id: number; path: string };

/** At most this many ids are looked at: no form names more than a few dozen persons and addresses. */
const MAX_REFS = 100;

/** Every `personId` / `addressId` of the (parsed, so bounded) answers, with its path. */
function refsIn(value: unknown, path: string[], found: Ref[]): Ref[] {
	if (found.length > MAX_REFS || value === null || typeof value !== 'object') return found;
	for (const [key, item] of Object.entries(value)) {
		if ((key === 'personId' || key === 'addressId') && typeof item === 'number')
			found.push({ kind: key, id: item, path: [...path, key].join('.') });
		else refsIn(item, [...path, key], found);
	}
	return found;
}

async function householdIds(
	db: Db,
	table: 'person' | 'address',
	householdId: number,
	ids: number[]
): Promise<Set<number>> {
	if (ids.length === 0) return new Set();
	const rows = await db
		.selectFrom(table)
		.select('id')
		.where('household_id', '=', householdId)
		.where('id', 'in', ids)
		.execute();
	return new Set(rows.map((r) => r.id));
}

/**
 * The fields of a demande's answers that name a person or an address not of this household (an
 * id typed by hand, or one removed since the draft was started), with the message shown beside
 * each: when an agent accepts a demande, it is applied to the household by these ids.
 */
export async function foreignRefs(
	db: Db,
	householdId: number,
	answers: unknown
): Promise<Record<string, string>> {
	const refs = refsIn(answers, [], []);
	if (refs.length > MAX_REFS) return { _: 'Cette demande nomme trop de personnes ou d’adresses.' };
	const ids = (kind: Ref['kind']) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
	const persons = await householdIds(db, 'person', householdId, ids('personId'));
	const addresses = await householdIds(db, 'address', householdId, ids('addressId'));
	const errors: Record<string, string> = {};
	for (const ref of refs) {
		if (ref.kind === 'personId' && !persons.has(ref.id))
			errors[ref.path] =
				'Cette personne ne fait pas (ou plus) partie de votre foyer : choisissez-en une dans la liste.';
		if (ref.kind === 'addressId' && !addresses.has(ref.id))
			errors[ref.path] =
				'Cette adresse n’est pas (ou plus) une des vôtres : choisissez-en une dans la liste.';
	}
	return errors;
}

/** Where `target` stands in the answers ("message.pieceJointe"), the first place found. */
function pathOf(value: unknown, target: string, path: string[] = []): string | null {
	if (value === target) return path.join('.');
	if (value === null || typeof value !== 'object') return null;
	for (const [key, item] of Object.entries(value)) {
		const found = pathOf(item, target, [...path, key]);
		if (found !== null) return found;
	}
	return null;
}

/**
 * The files a demande's answers name that the household does not have: a file refused when it
 * was sent (its type, its size), or another household's. The parent is told beside the field,
 * rather than the demande saying "joint" for a file the town never got.
 */
export async function missingDocuments(
	db: Db,
	householdId: number,
	answers: unknown,
	documentIds: readonly string[]
): Promise<Record<string, string>> {
	const ids = [...new Set(documentIds)].slice(0, MAX_REFS);
	if (ids.length === 0) return {};
	const rows = await db
		.selectFrom('document')
		.select('client_id')
		.where('household_id', '=', householdId)
		.where('client_id', 'in', ids)
		.execute();
	const held = new Set(rows.map((r) => r.client_id));
	const errors: Record<string, string> = {};
	for (const id of ids) {
		if (held.has(id)) continue;
		errors[pathOf(answers, id) ?? '_'] =
			'Ce fichier n’a pas été reçu par la mairie : choisissez-le de nouveau, ou un autre.';
	}
	return errors;
}
