import { agendaResource } from './agenda-resource.ts';
import { apiTransport } from './api-transport.ts';
import type { PortailDatabase } from './database.ts';
import { messagesResource } from './messages/messages-resource.ts';
import { requestsResource } from './requests/requests-resource.ts';
import type { SyncResource } from './sync-engine.ts';

/**
 * Everything the sync engine brings up to date after each push, in this order. A domain that
 * keeps server state offline adds one line here: its resource, usually a versionedResource
 * (versioned-resource.ts) over its pull route (docs/ARCHITECTURE.md, Sync).
 */
export function syncResources(
	db: PortailDatabase,
	agendaWindow: () => { from: string; to: string }
): SyncResource[] {
	return [agendaResource(db, apiTransport, agendaWindow), requestsResource(db), messagesResource(db)];
}
