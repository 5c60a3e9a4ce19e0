import { z } from 'zod';
import type { autresPersonnesStep, OtherPerson } from '$lib/domain/requests/forms/fiche-enfant-steps.ts';

/**
 * One person of the step's list checked alone, with the step's own rules: parsed as a list of
 * one, its errors named by the person's fields ("telephone", not "personnes.0.telephone").
 */
export function onePersonSchema(step: ReturnType<typeof autresPersonnesStep>): z.ZodType<OtherPerson> {
	return z.unknown().transform((person, ctx) => {
		const checked = step.safeParse({ personnes: [person] });
		if (checked.success) return checked.data.personnes[0]!;
		for (const issue of checked.error.issues)
			ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.slice(2) });
		return z.NEVER;
	});
}

/** The list after one change: a person added at the end, or the one at `index` replaced. */
export function withPerson(
	list: readonly OtherPerson[],
	person: OtherPerson,
	index: number | null
): OtherPerson[] {
	return index === null ? [...list, person] : list.map((p, i) => (i === index ? person : p));
}

/** Errors of the list from the page or the server ("personnes.1.telephone"), one line per person. */
export function errorsOfPerson(errors: Record<string, string>, index: number): string[] {
	const prefix = `personnes.${index}.`;
	return Object.entries(errors)
		.filter(([path]) => path.startsWith(prefix))
		.map(([, message]) => message);
}
