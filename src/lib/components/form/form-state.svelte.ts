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

/** The value at a dotted error path ("dateNaissance", "adresse.ville") of a form's input. */
function valueAt(input: unknown, path: string): string {
	let value = input;
	for (const key of path.split('.')) value = (value as Record<string, unknown> | null)?.[key];
	return JSON.stringify(value ?? null);
}

/**
 * The life of a form: check what was typed with the domain's schema (errors beside each field,
 * nothing sent), then send; a refusal from the server comes back beside the fields too, and what
 * the user typed stays in the form. A submit while the previous one is in flight is ignored.
 *
 * Given `current` (what the form holds now, keyed as the errors are), an error shows only while its
 * field still holds the value that was refused, and the refusal's message only while nothing was
 * changed: typing a correction clears what no longer applies, in every form, without a handler
 * per field. Without `current`, errors stay until the next submit.
 */
export class FormState {
	#errors = $state<Record<string, string>>({});
	#failure = $state('');
	/** What was refused, by error path, and as a whole: errors are about those values. */
	#refused = $state<{ fields: Record<string, string>; whole: string } | null>(null);
	readonly #press = new SinglePress();

	constructor(private readonly current?: () => unknown) {}

	get busy(): boolean {
		return this.#press.busy;
	}

	get errors(): Record<string, string> {
		const refused = this.#refused;
		if (!this.current || !refused) return this.#errors;
		const now = this.current();
		return Object.fromEntries(
			Object.entries(this.#errors).filter(([path]) => valueAt(now, path) === refused.fields[path])
		);
	}

	/** Errors found by the page itself (a check the schema cannot make), about what is typed now. */
	set errors(errors: Record<string, string>) {
		this.#errors = errors;
		this.#remember(errors);
	}

	get failure(): string {
		const refused = this.#refused;
		if (!this.current || !refused || !this.#failure) return this.#failure;
		return JSON.stringify(this.current()) === refused.whole ? this.#failure : '';
	}

	set failure(message: string) {
		this.#failure = message;
		this.#remember(this.#errors);
	}

	#remember(errors: Record<string, string>) {
		if (!this.current) return;
		const now = $state.snapshot(this.current());
		const fields = Object.fromEntries(Object.keys(errors).map((path) => [path, valueAt(now, path)]));
		this.#refused = { fields, whole: JSON.stringify(now) };
	}

	/**
	 * True when the input passed the checks and `send` succeeded; false when refused or ignored.
	 * `send` gets the parsed value, and the input itself now known to be what the schema accepts:
	 * the form as typed (strings), which is what the API's route checks again.
	 */
	async submit<S extends z.ZodType>(
		schema: S,
		input: unknown,
		send: (value: z.output<S>, accepted: z.input<S>) => Promise<unknown>
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
				await send(parsed.data, input as z.input<S>);
				return true;
			} catch (error) {
				this.#errors = errorFields(error);
				this.failure = errorMessage(error);
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
