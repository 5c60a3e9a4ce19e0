import type { z } from 'zod';
import { errorFields, errorMessage } from '../../api/client.ts';
import { fieldErrors } from '../../domain/forms/field-errors.ts';

/**
 * The life of a form: check what was typed with the domain's schema (errors beside each field,
 * nothing sent), then send; a refusal from the server comes back beside the fields too, and what
 * the user typed stays in the form.
 */
export class FormState {
	errors = $state<Record<string, string>>({});
	failure = $state('');
	busy = $state(false);

	/** True when the input passed the checks and `send` succeeded. */
	async submit<S extends z.ZodType>(
		schema: S,
		input: unknown,
		send: (value: z.output<S>) => Promise<unknown>
	): Promise<boolean> {
		this.failure = '';
		const parsed = schema.safeParse(input);
		this.errors = parsed.success ? {} : fieldErrors(parsed.error);
		if (!parsed.success) {
			focusFirstInvalid();
			return false;
		}
		this.busy = true;
		try {
			await send(parsed.data);
			return true;
		} catch (error) {
			this.failure = errorMessage(error);
			this.errors = errorFields(error);
			return false;
		} finally {
			this.busy = false;
		}
	}
}

/** After a refused submit, the keyboard and screen-reader user lands on the first field to fix. */
export function focusFirstInvalid(): void {
	queueMicrotask(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
