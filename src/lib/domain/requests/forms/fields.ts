import { z } from 'zod';
import { boundedString, tooLong } from '../../accounts/bounded-text.ts';
import { addDays } from '../../agenda/dates.ts';
import { normalizeFrenchPhone } from '../../profile/contact.ts';
import { REQUIRED } from '../../forms/field-errors.ts';
import { emailSchema } from '../../accounts/identity.ts';

/**
 * The fields every form is made of. Each string's raw length is bounded before it is trimmed or
 * read (boundedString), and each one's output is a valid input giving the same output (null for
 * an empty optional field is read back as empty), so kept answers can be edited again.
 */

/**
 * No control character in what people type (they would break the back office's exports, and
 * each costs six bytes of JSON); a message keeps its line breaks and tabs.
 */
function withoutControl(text: string, lines: boolean): boolean {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x7f || (code < 0x20 && !(lines && (code === 0x0a || code === 0x0d || code === 0x09))))
			return false;
	}
	return true;
}
const oneLine = (v: string) => withoutControl(v, false);
const CONTROL = 'Caractère non autorisé.';

export const text = (max: number) =>
	boundedString(max).trim().min(1, REQUIRED).max(max, tooLong(max)).refine(oneLine, CONTROL);

/** A message, on several lines. */
export const longText = (max: number) =>
	boundedString(max)
		.trim()
		.min(1, REQUIRED)
		.max(max, tooLong(max))
		.refine((v) => withoutControl(v, true), CONTROL);

/**
 * An optional field: left empty (null, "", spaces) it is null; otherwise `schema`'s rule, with
 * its own message. A long text is handed to `schema` untrimmed, which refuses it by its length.
 */
export const emptyAsNull = <T extends z.ZodType>(schema: T) =>
	z
		.preprocess(
			(v) => (v === null || (typeof v === 'string' && v.length <= 1000 && v.trim() === '') ? undefined : v),
			schema.optional()
		)
		.transform((v) => v ?? null);

export const optionalText = (max: number) =>
	emptyAsNull(boundedString(max).trim().max(max, tooLong(max)).refine(oneLine, CONTROL));

export const YES_NO = ['oui', 'non'] as const;
export const yesNo = z.enum(YES_NO, { error: 'Répondez oui ou non.' });

/** A person of the household, with the name it was shown with when chosen ("DUPIN Tim"). */
export const personRef = (message: string) =>
	z.object(
		{ personId: z.int({ error: message }).positive({ error: message }), label: text(200) },
		{ error: message }
	);
export const optionalPersonRef = (message: string) => personRef(message).nullable().default(null);

/** One of the household's addresses, with the line it was shown with when chosen. */
export const optionalAddressRef = (message: string) =>
	z
		.object(
			{ addressId: z.int({ error: message }).positive({ error: message }), label: text(200) },
			{ error: message }
		)
		.nullable()
		.default(null);

const INVALID_DATE = 'Date invalide (exemple : 13/02/2018).';

/** A day as `YYYY-MM-DD` (a date input's value), a real one. */
export const isoDate = z
	.string({ error: REQUIRED })
	.max(10, { message: INVALID_DATE, abort: true })
	.min(1, REQUIRED)
	.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && addDays(v, 0) === v, {
		message: INVALID_DATE,
		abort: true
	});

/** A day between two others (both included), each with its own message. */
export const dateWithin = (
	earliest: { day: string; message: string } | null,
	latest: { day: string; message: string } | null
) =>
	isoDate.superRefine((day, ctx) => {
		if (earliest && day < earliest.day) ctx.addIssue({ code: 'custom', message: earliest.message });
		else if (latest && day > latest.day) ctx.addIssue({ code: 'custom', message: latest.message });
	});

const PHONE_INVALID = 'Numéro invalide : dix chiffres (exemple : 06 12 34 56 78).';

/** One phone number, the profile's rule (contact.ts), kept as its ten digits. */
export const phone = boundedString(20)
	.trim()
	.min(1, REQUIRED)
	.transform((value, ctx) => {
		const digits = normalizeFrenchPhone(value);
		if (!digits) {
			ctx.addIssue({ code: 'custom', message: PHONE_INVALID });
			return z.NEVER;
		}
		return digits;
	});

/** A whole number typed in a field ("12") or already one, between two bounds. */
export const wholeNumber = (min: number, max: number, message: string) =>
	z
		.union([z.number(), z.string().max(12, { message, abort: true })], { error: REQUIRED })
		.transform((value, ctx) => {
			const typed = typeof value === 'string' ? value.trim() : value;
			if (typed === '') {
				ctx.addIssue({ code: 'custom', message: REQUIRED });
				return z.NEVER;
			}
			const n = typeof typed === 'number' ? typed : /^\d+$/.test(typed) ? Number(typed) : NaN;
			if (!Number.isInteger(n) || n < min || n > max) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return n;
		});

/** Same as identity.ts: a refinement runs once the fields it reads parsed, not after all did. */
export const onceParsed = (...fields: string[]) => ({
	when: (payload: z.core.ParsePayload) =>
		!payload.issues.some((issue) => fields.includes(String(issue.path?.[0])))
});

/** An empty phone field is no number (null). */
export const optionalPhone = emptyAsNull(phone);

/** An e-mail as the account's (lower-cased), or none. */
export const optionalEmail = emptyAsNull(emailSchema);

/** A list whose length is checked before any of its items is read. */
export const boundedList = <T extends z.ZodType>(item: T, max: number, message: string) =>
	z.array(z.unknown()).max(max, { message, abort: true }).pipe(z.array(item));

/**
 * A whole form's answers, one object per step: a step never opened reads as empty answers, as
 * step-navigation reads it, so a step of defaults only (justificatifs "plus tard") passes alike.
 */
export const formSchema = <S extends Record<string, z.ZodType>>(steps: S) =>
	z.preprocess(
		(raw) =>
			raw && typeof raw === 'object' && !Array.isArray(raw)
				? { ...Object.fromEntries(Object.keys(steps).map((id) => [id, {}])), ...raw }
				: raw,
		z.object(steps)
	);
