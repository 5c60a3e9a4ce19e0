/**
 * Rises when an old client can no longer be served (see protocol.ts). Apart from the protocol's
 * schemas so that the app's entry can name it (an early pull) without carrying zod.
 */
export const SYNC_SCHEMA_VERSION = 1;
