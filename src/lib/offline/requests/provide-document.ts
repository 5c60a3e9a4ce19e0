import type { DocumentProvidePayload } from '../../domain/requests/provide-document.ts';
import type { PortailDatabase } from '../database.ts';
import { enqueue } from '../outbox.ts';

/**
 * "Fournir" in Mes justificatifs à fournir: after the file is queued (chooseFile), its link to
 * every open demande waiting for it. Queued after the file, so the sync engine sends the file
 * first and the server finds it; until answered the line says "En attente d'envoi".
 */
export async function queueProvide(db: PortailDatabase, payload: DocumentProvidePayload): Promise<void> {
	await enqueue(db, 'document.provide.v1', payload);
}
