import { fieldErrors } from '../forms/field-errors.ts';
import type { DraftAnswers, FormDefinition } from './form-definition.ts';

/**
 * The rules of a stepped form, pure: the page asks them, the browser and the server agree.
 * A step is "reached" when the parent has been at it (up to `current`, the draft's step), or when
 * it holds answers that pass (a prefilled or already filled step further on is shown done); a
 * later step never opened is not reached, even one whose defaults would pass (justificatifs).
 */
export type StepState = 'complete' | 'errors' | 'not-reached';

export type StepCheck = { ok: true; value: unknown } | { ok: false; errors: Record<string, string> };

/** One step's answers against its own schema: what "Suivant" asks before leaving it. */
export function checkStep(def: FormDefinition, index: number, data: DraftAnswers, today: string): StepCheck {
	const step = def.steps[index];
	if (!step) return { ok: false, errors: { _: 'Étape inconnue.' } };
	const result = step.schema(today).safeParse(data[step.id] ?? {});
	return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldErrors(result.error) };
}

/** "Suivant" may leave the step when its own answers pass; the later steps are not asked. */
export const canLeave = (def: FormDefinition, index: number, data: DraftAnswers, today: string): boolean =>
	checkStep(def, index, data, today).ok;

/** A step never opened: no answers, or the empty object the form page gives every step to bind to. */
const unopened = (answers: unknown): boolean =>
	answers === undefined ||
	(answers !== null && typeof answers === 'object' && Object.keys(answers).length === 0);

export function stepStates(
	def: FormDefinition,
	data: DraftAnswers,
	today: string,
	current: number
): StepState[] {
	return def.steps.map((step, index) => {
		if (index > current && unopened(data[step.id])) return 'not-reached';
		if (checkStep(def, index, data, today).ok) return 'complete';
		return index <= current ? 'errors' : 'not-reached';
	});
}

/** The first step whose answers do not pass (where the recap's "Modifier" or a refusal leads), or null. */
export function firstStepWithErrors(def: FormDefinition, data: DraftAnswers, today: string): number | null {
	const index = def.steps.findIndex((_, i) => !checkStep(def, i, data, today).ok);
	return index === -1 ? null : index;
}

export type RecapCheck =
	{ ok: true; value: unknown } | { ok: false; step: number; errors: Record<string, string> };

/**
 * The recap is reached only when every step passes and so do the rules between steps (the
 * submission's schema): otherwise, the step to go back to and its errors (paths within the step).
 */
export function checkRecap(def: FormDefinition, data: DraftAnswers, today: string): RecapCheck {
	const failing = firstStepWithErrors(def, data, today);
	if (failing !== null) {
		const check = checkStep(def, failing, data, today);
		return { ok: false, step: failing, errors: check.ok ? {} : check.errors };
	}
	const whole = def.submitSchema(today).safeParse(data);
	if (whole.success) return { ok: true, value: whole.data };
	const stepId = whole.error.issues[0]?.path[0];
	const step = Math.max(
		0,
		def.steps.findIndex((s) => s.id === stepId)
	);
	const errors: Record<string, string> = {};
	for (const issue of whole.error.issues)
		if (issue.path[0] === def.steps[step]?.id) errors[issue.path.slice(1).join('.') || '_'] ??= issue.message;
	return { ok: false, step, errors };
}

export const canReachRecap = (def: FormDefinition, data: DraftAnswers, today: string): boolean =>
	checkRecap(def, data, today).ok;
