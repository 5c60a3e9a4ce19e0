import { z } from 'zod';
import { REQUIRED } from '../forms/field-errors.ts';

/**
 * How much longer than a field's limit the raw text may be (spaces around it, an accent typed as a
 * letter and a combining mark) before it is refused unread.
 */
export const RAW_FACTOR = 4;

export const tooLong = (max: number) => `${max} caractères au maximum.`;

/**
 * A string whose raw length is checked before anything else runs on it. Trimming, lower-casing
 * and Unicode normalisation cost time and memory in proportion to the text (NFKC turns one
 * character into up to 18), and the server runs them on its only thread: a megabyte pasted into a
 * field must be refused before any of them, not after. `abort` stops zod from running the
 * checks chained after this one on a text already refused.
 */
export function boundedString(max: number, message = tooLong(max)) {
	return z.string({ error: REQUIRED }).max(max * RAW_FACTOR, { message, abort: true });
}
