import { statfs } from 'node:fs/promises';

/** What an unprivileged process may still write on the disk holding `dir`. */
export async function freeBytes(dir: string): Promise<number> {
	const stats = await statfs(dir);
	return stats.bavail * stats.bsize;
}
