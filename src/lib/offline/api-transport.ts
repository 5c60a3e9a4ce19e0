import type { ClientResponse } from 'hono/client';
import { answer, api } from '../api/client.ts';
import { serverOffset } from '../domain/agenda/server-time.ts';
import { SYNC_SCHEMA_VERSION } from '../domain/sync/protocol.ts';
import type { UploadPayload } from '../domain/sync/uploads.ts';
import type { AgendaSource } from './agenda-resource.ts';
import { dropEarlyPull, takeEarlyPull } from './early-pull.ts';
import type { SyncTransport } from './sync-engine.ts';

/** What the last agenda pull's `Date` header said of the device's clock (see server-time.ts). */
let pulledOffset: number | undefined;

/** The upload route's address: the document's UUID, and what the server files it under. */
export function uploadUrl(payload: UploadPayload): string {
	const query = new URLSearchParams({ type: payload.type, name: payload.name });
	if (payload.personId != null) query.set('personId', String(payload.personId));
	if (payload.personLabel) query.set('personLabel', payload.personLabel);
	return `/api/documents/${encodeURIComponent(payload.documentId)}?${query.toString()}`;
}

/**
 * The engine's way to the server: the push, the upload route (the file as the body, its type as
 * Content-Type; the browser sets Content-Length for a Blob), and the agenda's pull, whose `Date`
 * is read before the body so the engine keeps the offset with the snapshot it came with. Refusals
 * go through `answer()`, as every call of the API does. The first pull may take the answer asked for
 * as the app started (early-pull.ts); anything sent before it makes that answer too old.
 */
export const apiTransport: SyncTransport & AgendaSource = {
	push: (body) => {
		dropEarlyPull();
		return answer(api.sync.push.$post({ json: body }));
	},
	upload: (payload, blob) => {
		dropEarlyPull();
		return answer(
			fetch(uploadUrl(payload), {
				method: 'PUT',
				headers: { Accept: 'application/json', 'Content-Type': payload.mime || 'application/octet-stream' },
				body: blob
			}) as Promise<Response> as unknown as Promise<ClientResponse<unknown, number, 'json'>>
		);
	},
	pull: (from, to) => {
		const early = takeEarlyPull(from, to);
		const sentAt = early?.sentAt ?? Date.now();
		const request = early
			? (early.response as unknown as ReturnType<typeof api.sync.pull.$get>)
			: api.sync.pull.$get({ query: { from, to, schemaVersion: String(SYNC_SCHEMA_VERSION) } });
		return answer(
			request.then((response) => {
				pulledOffset = serverOffset(response.headers.get('Date'), sentAt, Date.now()) ?? pulledOffset;
				return response;
			})
		);
	},
	serverOffset: () => pulledOffset
};
