import { answer, api } from '../../api/client.ts';
import { requestsSnapshotSchema } from '../../domain/requests/snapshot.ts';
import { SYNC_SCHEMA_VERSION } from '../../domain/sync/protocol.ts';
import type { PortailDatabase } from '../database.ts';
import type { SyncResource } from '../sync-engine.ts';
import { readResource, versionedResource } from '../versioned-resource.ts';
import { reconcileDrafts, takeRefusals } from './draft-reconcile.ts';
import { REQUESTS_RESOURCE } from './tables.ts';

/** The whole answer (the unchanged one is the versioned resource's own business). */
const snapshotSchema = requestsSnapshotSchema.options[1];

/**
 * The household's demandes and justificatifs as a sync resource (GET /api/requests/pull, by
 * version), and, after each round, this device's drafts set against them: the server's refusals
 * brought onto their drafts, a version from another device taken or offered as a choice, a sent
 * or deleted draft let go (draft-sync-rules.ts).
 */
export function requestsResource(db: PortailDatabase): SyncResource {
	const pulled = versionedResource(db, {
		name: REQUESTS_RESOURCE,
		schema: snapshotSchema,
		fetch: (known) =>
			answer(
				api.requests.pull.$get({
					query: {
						schemaVersion: String(SYNC_SCHEMA_VERSION),
						...(known === undefined ? {} : { known: String(known) })
					}
				})
			)
	});
	return {
		name: REQUESTS_RESOURCE,
		async pull() {
			// The push before this pull may have been refused in part, whatever the pull answers.
			await takeRefusals(db);
			await pulled.pull();
			const held = await readResource(db, REQUESTS_RESOURCE, snapshotSchema);
			if (held) await reconcileDrafts(db, held.data.demandes, !held.data.truncated);
		}
	};
}
