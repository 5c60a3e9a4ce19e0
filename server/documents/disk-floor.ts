import { AppError } from '../http/errors.ts';
import { freeBytes } from './disk-space.ts';

/**
 * Free space the uploads always leave on the data disk. The database shares it: SQLite needs room
 * for its WAL and for a checkpoint, and a full disk would stop every write of the portal, not only
 * the uploads. 500 MiB is fifty uploads of the largest size beyond the file being received.
 */
export const MIN_FREE_BYTES = 500 * 1024 * 1024;

/** Logged at most this often: a full disk is the town's to fix, once it knows. */
const LOG_EVERY_MS = 60_000;
let loggedAt = -Infinity;

/**
 * Refuses a file that would leave less than MIN_FREE_BYTES free (507, retried later by the
 * sender's outbox, which keeps the file), before a byte of it is read.
 */
export async function ensureRoomFor(dir: string, size: number): Promise<void> {
	const free = await freeBytes(dir);
	if (free - size >= MIN_FREE_BYTES) return;
	if (Date.now() - loggedAt >= LOG_EVERY_MS) {
		loggedAt = Date.now();
		console.error(
			`[justificatifs] disque presque plein : ${Math.floor(free / (1024 * 1024))} Mio libres dans ${dir}, envois refusés sous ${MIN_FREE_BYTES / (1024 * 1024)} Mio`
		);
	}
	throw new AppError(
		507,
		'storage_full',
		'Le serveur de la mairie n’a plus assez de place pour enregistrer des fichiers. Votre fichier reste sur cet appareil : nouvel essai plus tard.',
		undefined,
		{ 'Retry-After': '600' }
	);
}
