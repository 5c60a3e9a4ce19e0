import type { FormCode } from '../../domain/requests/form-codes.ts';
import { FORMS } from '../../domain/requests/forms/index.ts';

/**
 * Mes demandes' "Personne concernée" of a draft (its answers may be incomplete): the form's own
 * rule, or nothing while the answers do not say yet.
 */
export function personOf(formCode: FormCode, data: Record<string, unknown>): string | null {
	try {
		return FORMS[formCode].personConcerned(data)?.label || null;
	} catch {
		return null;
	}
}
