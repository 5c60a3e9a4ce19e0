import { AppError } from './errors.ts';

/**
 * A record's id in the path: a positive integer, else the same 404 as an unknown record (a 400
 * would tell a prober which ids are well formed, and a mistyped link is just "not found").
 */
export function pathId(raw: string | undefined, unknown: string): number {
	const id = raw !== undefined && /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
	if (!Number.isSafeInteger(id) || id <= 0) throw new AppError(404, 'not_found', unknown);
	return id;
}
