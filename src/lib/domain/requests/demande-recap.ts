import { parisDate } from '../agenda/paris-time.ts';
import type { FormCode } from './form-codes.ts';
import { FORMS } from './forms/index.ts';
import type { RecapSection } from './recap.ts';

/**
 * A demande's answers as the recap shows them, read with its form's schema as of the day it was
 * written (a salle des fêtes asked 15 days ahead is not "too soon" a month later); null when they
 * do not read (a draft still incomplete).
 */
export function demandeRecap(
	formCode: FormCode,
	data: Record<string, unknown>,
	writtenAt: string
): RecapSection[] | null {
	const definition = FORMS[formCode];
	const parsed = definition.submitSchema(parisDate(new Date(writtenAt))).safeParse(data);
	return parsed.success ? definition.recap(parsed.data) : null;
}
