import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import type { AppDeps } from '../../server/deps.ts';
import type { PushResponse } from '../../src/lib/domain/sync/protocol.ts';
import { createFamily, postPush, type Family } from './families.ts';

/** Measured rounds, after one warm-up round (a running server has its code paths compiled). */
const ROUNDS = 5;
const TABLES = {
	reservation: ['household_id', 'person_id', 'activity_code', 'service_date', 'created_at', 'created_by'],
	reservation_history: [
		'household_id',
		'person_id',
		'service_date',
		'activity_code',
		'action',
		'at',
		'author'
	],
	ledger_entry: [
		'household_id',
		'value_date',
		'recorded_at',
		'label',
		'sublabel',
		'debit_cents',
		'credit_cents',
		'kind',
		'person_id',
		'activity_code'
	]
} as const;
type Row = Record<string, unknown>;

export type BulkRound = {
	warmUp: boolean;
	pushMs: number;
	rawMs: number;
	rows: Record<string, number>;
	booked: number;
};
export type Bulk = { rounds: BulkRound[]; pushMs: number; rawMs: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** A saisie groupée of the rest of the school year: 3 children × 3 activities, every weekday. */
function saisieGroupee(childIds: number[], now: string) {
	return {
		id: randomUUID(),
		kind: 'reservation.bulk.v1',
		createdAt: now,
		payload: {
			personIds: childIds,
			action: 'creer',
			from: '2026-12-01',
			to: '2027-07-02',
			activityCodes: ['restauration-midi', 'garderie-matin-gratuite', 'garderie-soir-gratuite'],
			periodicity: 'hebdomadaire',
			weekdays: [0, 1, 2, 3, 4]
		}
	};
}

/** The rows the push wrote for `from`, rewritten for the twin household `to`. */
function rowsFor(raw: SQLite.Database, from: Family, to: Family): Record<string, Row[]> {
	const person = new Map(from.childIds.map((id, i) => [id, to.childIds[i]]));
	return Object.fromEntries(
		Object.entries(TABLES).map(([table, columns]) => {
			const rows = raw
				.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE household_id = ? ORDER BY id`)
				.all(from.householdId) as Row[];
			const twin = rows.map((r) => ({
				...r,
				household_id: to.householdId,
				person_id: person.get(r.person_id as number) ?? null,
				...('created_by' in r ? { created_by: to.accountId } : {})
			}));
			return [table, twin];
		})
	);
}

/** The same rows inserted raw: prepared statements, one transaction, the app's pragmas. */
function rawInsert(raw: SQLite.Database, rows: Record<string, Row[]>): number {
	const statements = Object.entries(TABLES).map(([table, columns]) => ({
		insert: raw.prepare(
			`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`
		),
		rows: rows[table] ?? []
	}));
	const started = performance.now();
	raw.transaction(() => {
		for (const { insert, rows } of statements) for (const row of rows) insert.run(row);
	})();
	return performance.now() - started;
}

/**
 * Times one POST /api/sync/push carrying one saisie groupée (over HTTP, on the running server)
 * against the raw insert of the rows it wrote, for a twin household; five rounds after a warm-up,
 * the median kept.
 */
export async function measureBulk(
	deps: AppDeps,
	appUrl: string,
	file: string,
	passwordHash: string
): Promise<Bulk> {
	// A second connection opened as openDatabase opens the app's: WAL, synchronous=FULL.
	const raw = new SQLite(file);
	raw.pragma('journal_mode = WAL');
	raw.pragma('synchronous = FULL');
	raw.pragma('busy_timeout = 5000');
	raw.pragma('foreign_keys = ON');
	const rounds: BulkRound[] = [];
	try {
		for (let round = 0; round <= ROUNDS; round++) {
			const family = await createFamily(deps, `GROUPEE${round}`, 3, passwordHash);
			const twin = await createFamily(deps, `JUMEAU${round}`, 3, passwordHash);
			const mutation = saisieGroupee(family.childIds, deps.clock.now().toISOString());
			// Both start with an empty WAL: neither pays for a checkpoint of what came before.
			raw.pragma('wal_checkpoint(TRUNCATE)');
			const started = performance.now();
			const answer = (await postPush(appUrl, family.cookie, [mutation])) as PushResponse;
			const pushMs = performance.now() - started;
			const result = answer.results[0];
			if (result?.status !== 'applied') throw new Error(`saisie groupée refusée : ${JSON.stringify(result)}`);

			const rows = rowsFor(raw, family, twin);
			raw.pragma('wal_checkpoint(TRUNCATE)');
			const rawMs = rawInsert(raw, rows);
			const counts = Object.fromEntries(Object.entries(rows).map(([t, r]) => [t, r.length]));
			rounds.push({ warmUp: round === 0, pushMs, rawMs, rows: counts, booked: result.summary?.booked ?? 0 });
		}
	} finally {
		raw.close();
	}
	const measured = rounds.filter((r) => !r.warmUp);
	return {
		rounds,
		pushMs: median(measured.map((r) => r.pushMs)),
		rawMs: median(measured.map((r) => r.rawMs))
	};
}
