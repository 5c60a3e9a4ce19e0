import { Migrator, type Kysely } from 'kysely';
import { migrations } from '../../migrations/index.ts';

/** Applies every pending migration, forward only; throws (and the server refuses to start) on failure. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are typed loosely, frozen in time
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations }
	});
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		const cause = error instanceof Error ? error.message : String(error ?? '');
		throw new Error(`La migration ${failed?.migrationName ?? ''} a échoué : ${cause}`);
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
