import { afterNavigate, pushState, replaceState } from '$app/navigation';
import { page } from '$app/state';
import type { DraftStore } from './draft-store.ts';

declare global {
	// eslint-disable-next-line @typescript-eslint/no-namespace -- SvelteKit declares App.PageState so
	namespace App {
		interface PageState {
			/** The step of a form in steps that this history entry shows (SteppedForm). */
			formStep?: string;
		}
	}
}

export type SavedDraft<T, S extends string> = { value: T; step: S };

/**
 * A form in steps, as people expect of one: each step is an entry of the browser's history (Back
 * returns to the previous step with everything kept, Forward comes back), and what was typed is
 * saved at each change with the step reached, so a reload, or a return to the page, finds it all.
 * The storage is the form's choice (see DraftStore). Create it while a component initialises.
 */
export class SteppedForm<T, S extends string> {
	value = $state() as T;
	/** False until the saved draft, if any, has been read: show the form once it is. */
	ready = $state(false);
	/** The saved step, shown until this page's history entry carries it (see #applySavedStep). */
	#saved = $state<S | null>(null);
	#entered = false;
	/** The step shown once sent: shown again (Forward), it keeps nothing; another step (Back) is a new draft. */
	#sentAt: S | null = null;
	#discarded = false;

	constructor(
		private readonly steps: readonly [S, ...S[]],
		initial: T,
		private readonly store: DraftStore<SavedDraft<T, S>>
	) {
		this.value = initial;
		void store
			.load()
			.catch(() => undefined)
			.then((saved) => {
				if (saved && this.#isStep(saved.step)) {
					this.value = saved.value;
					this.#saved = saved.step;
				}
				this.ready = true;
				this.#applySavedStep();
			});
		afterNavigate(() => {
			this.#entered = true;
			this.#applySavedStep();
		});
		$effect(() => {
			const draft = { value: $state.snapshot(this.value) as T, step: this.step };
			if (this.ready && !this.#discarded && draft.step !== this.#sentAt)
				void store.save(draft).catch(() => undefined);
		});
	}

	get step(): S {
		const shown = page.state.formStep;
		return this.#isStep(shown) ? shown : (this.#saved ?? this.steps[0]);
	}

	/** Shows `step` as a new history entry. */
	go(step: S): void {
		pushState('', { ...page.state, formStep: step });
	}

	/**
	 * Sent: the draft is removed, and `step` replaces this entry (Back does not offer to send again
	 * from the last step; it shows the earlier ones, as a new request to make).
	 */
	async finish(step: S): Promise<void> {
		this.#sentAt = step;
		replaceState('', { ...page.state, formStep: step });
		await this.store.remove();
	}

	/** Abandoned ("Annuler la demande"): nothing is kept. */
	async discard(): Promise<void> {
		this.#discarded = true;
		await this.store.remove();
	}

	/**
	 * After a reload the browser keeps each entry's state but the router gives the page none: the
	 * saved step is written into this entry once the router runs, so Back and Forward agree with
	 * what is shown.
	 */
	#applySavedStep() {
		const step = this.#saved;
		if (!step || !this.#entered || !this.ready) return;
		this.#saved = null;
		if (page.state.formStep !== step) replaceState('', { ...page.state, formStep: step });
	}

	#isStep(step: unknown): step is S {
		return typeof step === 'string' && (this.steps as readonly string[]).includes(step);
	}
}
