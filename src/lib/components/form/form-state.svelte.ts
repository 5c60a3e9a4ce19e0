import { tick } from 'svelte';
import type { z } from 'zod';
import { errorFields, errorMessage } from '../../api/client.ts';
import { fieldErrors } from '../../domain/forms/field-errors.ts';
import { withFrenchSpacing } from '../../domain/text/french-spacing.ts';

/**
 * One action at a time: a second press (a double click, an impatient tap on a slow network) while
 * the first is being handled does nothing. `busy` is set before anything is awaited, so even two
 * clicks in the same frame run the action once. So a button need not be `disabled` while busy (a
 * focused button that becomes disabled throws the keyboard's focus to the page's start): at most
 * `aria-disabled`, which says it and keeps the focus.
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
function rawValueAt(input: unknown, path: string): unknown {
	let value = input;
	for (const key of path.split('.')) value = (value as Record<string, unknown> | null)?.[key];
	return value;
}
const valueAt = (input: unknown, path: string): string => JSON.stringify(rawValueAt(input, path) ?? null);

/**
 * The life of a form: check what was typed with the domain's schema (errors beside each field,
 * nothing sent), then send; a refusal from the server comes back beside the fields too, and what
 * the user typed stays in the form. A submit while the previous one is in flight is ignored.
 *
 * Given `current` (what the form holds now, keyed as the errors are), an error shows only while its
 * field still holds the value that was refused, and the refusal's message only while nothing was
 * changed: typing a correction clears what no longer applies, in every form, without a handler
 * per field. Without `current`, errors stay until the next submit.
 *
 * A refusal is said once: each field's message beside its field, and the keyboard on the first of
 * them; the message above the button (`failure`) only for what belongs to no field the form holds
 * (a refusal of the whole, or of a field it does not show). With no `current`, every field of a
 * refusal counts as shown.
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

	/** The errors to show, in French typography (a server's reason comes with plain spaces). */
	get errors(): Record<string, string> {
		const refused = this.#refused;
		const now = this.current?.();
		return Object.fromEntries(
			Object.entries(this.#errors)
				.filter(([path]) => !this.current || !refused || valueAt(now, path) === refused.fields[path])
				.map(([path, message]) => [path, withFrenchSpacing(message)])
		);
	}

	/** Errors found by the page itself (a check the schema cannot make), about what is typed now. */
	set errors(errors: Record<string, string>) {
		this.#errors = errors;
		this.#remember(errors);
	}

	get failure(): string {
		const refused = this.#refused;
		const shown = !this.current || !refused || JSON.stringify(this.current()) === refused.whole;
		return shown ? withFrenchSpacing(this.#failure) : '';
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
	 * `schema` may be a loader (a dynamic import): a public page's first load then carries no zod.
	 */
	async submit<S extends z.ZodType>(
		schema: S | (() => Promise<S>),
		input: unknown,
		send: (value: z.output<S>, accepted: z.input<S>) => Promise<unknown>
	): Promise<boolean> {
		const done = await this.#press.run(async () => {
			// The form being sent: its first invalid field gets the focus, not another open form's.
			const scope = formOfFocus();
			this.failure = '';
			let check: S;
			try {
				check = typeof schema === 'function' ? await schema() : schema;
			} catch (error) {
				this.#sayRefusal(error);
				return false;
			}
			const parsed = check.safeParse(input);
			this.errors = parsed.success ? {} : fieldErrors(parsed.error);
			if (!parsed.success) {
				focusFirstInvalid(scope);
				return false;
			}
			try {
				await send(parsed.data, input as z.input<S>);
				return true;
			} catch (error) {
				this.#sayRefusal(error);
				focusFirstInvalid(scope);
				return false;
			}
		});
		return done ?? false;
	}

	#sayRefusal(error: unknown) {
		const now = this.current?.();
		const shown = (path: string) => !this.current || rawValueAt(now, path) !== undefined;
		const fields = Object.entries(errorFields(error));
		const beside = fields.filter(([path]) => shown(path));
		const elsewhere = fields.filter(([path]) => !shown(path)).map(([, message]) => message);
		this.#errors = Object.fromEntries(beside);
		this.failure = fields.length === 0 ? errorMessage(error) : elsewhere.join(' ');
	}
}

function formOfFocus(): HTMLElement | null {
	if (typeof document === 'undefined') return null;
	return document.activeElement?.closest('form') ?? null;
}

/** What marks a field to fix: an input, or a group (radio buttons, the captcha) holding one. */
const INVALID = '[aria-invalid="true"], [data-invalid]';
const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, button';

/**
 * After a refused submit, the keyboard and screen-reader user lands on the first field to fix (of
 * `scope`, the form sent, while it is on the page), once the errors are drawn. A group gives the
 * focus to its first control.
 */
export function focusFirstInvalid(scope: HTMLElement | null = null): void {
	if (typeof document === 'undefined') return;
	void tick().then(() => {
		const within = scope?.isConnected ? scope : document;
		const invalid = within.querySelector<HTMLElement>(INVALID);
		if (!invalid) return;
		const control = invalid.matches(FOCUSABLE) ? invalid : invalid.querySelector<HTMLElement>(FOCUSABLE);
		if (control) control.focus();
		else focusWhenDrawn(invalid);
	});
}

/**
 * A group whose control is still loading (the captcha's box, drawn by a script fetched on
 * demand) gets the focus once the control is there, unless the person went somewhere meanwhile.
 */
function focusWhenDrawn(group: HTMLElement) {
	const before = document.activeElement;
	const observer = new MutationObserver(() => {
		const control = group.querySelector<HTMLElement>(FOCUSABLE);
		if (!control) return;
		observer.disconnect();
		if (document.activeElement === before || document.activeElement === document.body) control.focus();
	});
	observer.observe(group, { childList: true, subtree: true });
	setTimeout(() => observer.disconnect(), 10_000);
}
