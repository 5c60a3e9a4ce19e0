import { z } from 'zod';

/**
 * What a person types in a message, a reason or a name: no control character (a message keeps its
 * line breaks and tabs), no bidi override (it turns the text around for the reader: "gpj.exe"), no
 * lone surrogate, and something visible once spaces and invisible marks are set aside (a
 * zero-width space is no reason for a refusal). Emoji keep their joiners.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;
const INVISIBLE = /[\s\p{Cf}]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const NOT_ALLOWED = 'Caractère non autorisé.';

export const isVisible = (text: string): boolean => text.replace(INVISIBLE, '').length > 0;

/** No control character, bidi override or lone surrogate (a message keeps its lines with `lines`). */
export const allowedText = (text: string, lines = true): boolean =>
	!LONE_SURROGATE.test(text) && !(lines ? CONTROL : CONTROL_ONE_LINE).test(text);

/** A required text of at most `max` characters, trimmed; `required` is said when nothing shows. */
export function typedText(
	max: number,
	messages: { required: string; tooLong: string },
	{ lines = true }: { lines?: boolean } = {}
) {
	return z
		.string({ error: messages.required })
		.max(max, messages.tooLong)
		.transform((text) => text.trim())
		.refine(isVisible, { message: messages.required })
		.refine((text) => allowedText(text, lines), { message: NOT_ALLOWED });
}
