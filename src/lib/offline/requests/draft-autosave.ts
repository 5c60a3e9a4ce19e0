import type { SavedDraft } from '../../components/form/stepped-form.svelte.ts';
import type { DraftStore } from '../../components/form/draft-store.ts';
import type { PortailDatabase } from '../database.ts';
import { queueSave } from './draft-outbox.ts';
import { changeDraft, readDraft } from './drafts.ts';
import { draftsTable } from './tables.ts';

/** How long typing may pause before the draft is also saved on the server. */
export const SAVE_DELAY_MS = 2000;

/**
 * The server's copy of a draft, kept up with the typing without a request per keystroke: a save
 * queued ~2 s after the last change, at once when the parent leaves a step or the page, and never
 * more than one waiting in the outbox (queueSave replaces an unsent one).
 */
export class DraftAutosave {
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly db: PortailDatabase,
		private readonly id: string,
		private readonly sync: () => void,
		private readonly delayMs = SAVE_DELAY_MS
	) {}

	schedule(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), this.delayMs);
	}

	async flush(): Promise<void> {
		this.cancel();
		if (await queueSave(this.db, this.id).catch(() => false)) this.sync();
	}

	cancel(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}
}

type Answers = Record<string, unknown>;

/**
 * SteppedForm's storage for a signed-in demande: the draft in Dexie, written at every change (the
 * step by its index in `steps`). Only a change of the answers counts as typed (and is saved on
 * the server); moving between steps is kept on the device. A draft leaves the device when the
 * server has it sent or when the parent deletes it (discardDraft), never by the form itself.
 */
export function dexieDraftStore(
	db: PortailDatabase,
	id: string,
	steps: readonly string[],
	onTyped: () => void
): DraftStore<SavedDraft<Answers, string>> & { adopt(data: Answers): void } {
	let lastData: string | null = null;
	let lastStep = -1;
	return {
		async load() {
			const draft = await readDraft(db, id);
			if (!draft) return undefined;
			lastData = JSON.stringify(draft.data);
			lastStep = draft.step;
			return { value: draft.data, step: steps[draft.step] ?? steps[0]! };
		},
		async save({ value, step }) {
			const index = Math.max(0, steps.indexOf(step));
			const data = JSON.stringify(value);
			if (data === lastData && index === lastStep) return;
			const typed = data !== lastData;
			lastData = data;
			lastStep = index;
			if (typed) {
				await changeDraft(db, id, { data: value, step: index });
				onTyped();
			} else await draftsTable(db).update(id, { step: index });
		},
		async remove() {},
		adopt(data) {
			lastData = JSON.stringify(data);
		}
	};
}
