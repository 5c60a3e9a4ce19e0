import type { z } from 'zod';
import { errorFields, errorMessage } from '../../api/client.ts';
import { fieldErrors } from '../../domain/forms/field-errors.ts';

/**
 * One action at a time: a second press (a double click, an impatient tap on a slow network) while
 * the first is being handled does nothing. `busy` is set before anything is awaited, so even two
 * clicks in the same frame, before the button is drawn disabled, run the action once.
 */
export class SinglePress {
	busy = $state(false);

	/** Runs `action` unless one is running; resolves to its result, or to `undefined` when ignored. */
	async run<T>(action: () => Promise<T>): Promise<T | undefined> {
		if (this.busy) return undefined;
		this.busy = true;
		try {
			return await action();
		} finally {
			this.busy = false;
		}
	}
}

/**
 * The life of a form: check what was typed with the domain's schema (errors beside each field,
 * nothing sent), then send; a refusal from the server comes back beside the fields too, and what
 * the user typed stays in the form. A submit while the previous one is in flight is ignored.
 */
export class FormState {
	errors = $state<Record<string, string>>({});
	failure = $state('');
	readonly #press = new SinglePress();

	get busy(): boolean {
		return this.#press.busy;
	}

	/** True when the input passed the checks and `send` succeeded; false when refused or ignored. */
	async submit<S extends z.ZodType>(
		schema: S,
		input: unknown,
		send: (value: z.output<S>) => Promise<unknown>
	): Promise<boolean> {
		const done = await this.#press.run(async () => {
			this.failure = '';
			const parsed = schema.safeParse(input);
			this.errors = parsed.success ? {} : fieldErrors(parsed.error);
			if (!parsed.success) {
				focusFirstInvalid();
				return false;
			}
			try {
				await send(parsed.data);
				return true;
			} catch (error) {
				this.failure = errorMessage(error);
				this.errors = errorFields(error);
				return false;
			}
		});
		return done ?? false;
	}
}

/** After a refused submit, the keyboard and screen-reader user lands on the first field to fix. */
export function focusFirstInvalid(): void {
	queueMicrotask(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
