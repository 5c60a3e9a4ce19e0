import { z } from 'zod';
import type { PortailDatabase } from './database.ts';
import { UnreadableAnswer, type SyncResource } from './sync-engine.ts';

/** What a versioned pull answers when the version the device holds is still the server's. */
const unchangedSchema = z.object({ version: z.number(), unchanged: z.literal(true) });

export type VersionedResourceOptions<T extends { version: number }> = {
	/** Its key in Dexie's `resources` table, and the engine's name for it. */
	name: string;
	/** The whole answer's shape: nothing else is kept on the device. */
	schema: z.ZodType<T>;
	/** Asks the server, naming the version held (undefined: none yet); throws as the API client does. */
	fetch(known: number | undefined): Promise<unknown>;
	now?: () => Date;
};

/**
 * A resource pulled by version (the requests, …): the server answers `{ version, unchanged: true }`
 * when the device's version is still current (one lookup on the server, a few bytes on the
 * network), else the whole snapshot, which is kept only once the schema has read it. An answer
 * of another shape keeps what the device had and fails the round (UnreadableAnswer).
 */
export function versionedResource<T extends { version: number }>(
	db: PortailDatabase,
	options: VersionedResourceOptions<T>
): SyncResource {
	const now = () => (options.now?.() ?? new Date()).toISOString();
	return {
		name: options.name,
		async pull() {
			const held = await db.resources.get(options.name);
			const raw = await options.fetch(held?.version);
			const unchanged = unchangedSchema.safeParse(raw);
			if (unchanged.success) {
				// "Unchanged" is only believed of the version this device holds.
				if (!held || unchanged.data.version !== held.version) throw new UnreadableAnswer();
				await db.resources.update(options.name, { fetchedAt: now() });
				return;
			}
			const parsed = options.schema.safeParse(raw);
			if (!parsed.success) throw new UnreadableAnswer();
			await db.resources.put({
				key: options.name,
				version: parsed.data.version,
				data: parsed.data,
				fetchedAt: now()
			});
		}
	};
}

/**
 * A resource's data as kept, read again with its schema: what an older version of the app kept
 * in another shape reads as nothing (the next pull brings it), never as a wrong shape.
 */
export async function readResource<T>(
	db: PortailDatabase,
	name: string,
	schema: z.ZodType<T>
): Promise<{ data: T; fetchedAt: string } | undefined> {
	const held = await db.resources.get(name);
	const parsed = held ? schema.safeParse(held.data) : undefined;
	return parsed?.success && held ? { data: parsed.data, fetchedAt: held.fetchedAt } : undefined;
}
