import { answer, api } from '../../api/client.ts';
import { messagesSnapshotSchema } from '../../domain/messages/snapshot.ts';
import { SYNC_SCHEMA_VERSION } from '../../domain/sync/protocol.ts';
import type { PortailDatabase } from '../database.ts';
import type { SyncResource } from '../sync-engine.ts';
import { versionedResource } from '../versioned-resource.ts';

/** Échanges' key in Dexie's `resources` (the pull of GET /api/messages/pull). */
export const MESSAGES_RESOURCE = 'messages';

/** The whole answer (the unchanged one is the versioned resource's own business). */
export const messagesWholeSchema = messagesSnapshotSchema.options[1];

/** The household's threads with the town as a sync resource, pulled by version. */
export function messagesResource(db: PortailDatabase): SyncResource {
	return versionedResource(db, {
		name: MESSAGES_RESOURCE,
		schema: messagesWholeSchema,
		fetch: (known) =>
			answer(
				api.messages.pull.$get({
					query: {
						schemaVersion: String(SYNC_SCHEMA_VERSION),
						...(known === undefined ? {} : { known: String(known) })
					}
				})
			)
	});
}
