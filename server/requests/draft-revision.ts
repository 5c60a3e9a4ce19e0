import type { DemandeRow } from './demande-repository.ts';

type Stored = Pick<DemandeRow, 'revision' | 'writer_id' | 'writer_base'>;
type Save = { baseRevision: number; writerId: string };

/**
 * The revision rule of src/lib/domain/requests/mutations.ts: a save is applied when nobody saved
 * since its base, or when every save since was this device's own run. Invariant: since
 * `writer_base`, every save was `writer_id`'s (another device's save makes it the writer and
 * starts a new run), so a base at or after it loses nobody else's answers. A base beyond the
 * stored revision names a version the server never had: refused too.
 */
export function acceptsSave(stored: Stored, save: Save): boolean {
	if (save.baseRevision > stored.revision) return false;
	if (save.baseRevision === stored.revision) return true;
	return stored.writer_id === save.writerId && save.baseRevision >= stored.writer_base;
}

/** The writer and the start of its run once this save is applied. */
export function nextWriter(stored: Stored, save: Save): { writer_id: string; writer_base: number } {
	const sameRun = stored.writer_id === save.writerId;
	return {
		writer_id: save.writerId,
		writer_base: sameRun ? Math.min(stored.writer_base, save.baseRevision) : save.baseRevision
	};
}
