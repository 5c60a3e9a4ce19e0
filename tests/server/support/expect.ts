import { expect } from 'vitest';
import type { ErrorBody } from '../../../server/http/errors.ts';

/**
 * Checks a refusal: its status and the API's error shape {error: {code, message, fields?}}, the
 * message being French for a person to read. `fields` lists the fields that must carry a message
 * (a string: that field's exact message; a RegExp: a pattern; true: any message).
 */
export async function expectError(
	res: Response,
	status: number,
	expected: { code?: string; message?: string | RegExp; fields?: Record<string, string | RegExp | true> } = {}
): Promise<ErrorBody['error']> {
	const text = await res.text();
	expect(res.status, text).toBe(status);
	expect(res.headers.get('content-type')).toMatch(/^application\/json/);
	const { error } = JSON.parse(text) as ErrorBody;
	expect(typeof error.code).toBe('string');
	if (expected.code) expect(error.code).toBe(expected.code);
	expect(error.message).toMatch(/^[A-ZÀ-Ÿ«].*[.!:)]$/u);
	if (expected.message) expect(error.message).toMatch(expected.message);
	for (const [field, message] of Object.entries(expected.fields ?? {})) {
		expect(error.fields?.[field], `fields.${field} in ${text}`).toEqual(expect.any(String));
		if (message !== true) expect(error.fields?.[field]).toMatch(message);
	}
	return error;
}
