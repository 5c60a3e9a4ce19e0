import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	demandeDeletePayload,
	demandeSavePayload,
	draftDataSchema,
	MAX_DRAFT_BYTES,
	utf8Bytes
} from '../../src/lib/domain/requests/mutations.ts';

const save = (overrides: Record<string, unknown> = {}) => ({
	demandeId: randomUUID(),
	formCode: 'contact-mairie',
	writerId: randomUUID(),
	baseRevision: 0,
	step: 0,
	data: {},
	savedAt: '2026-11-28T08:55:00.000Z',
	...overrides
});

describe('what a demande mutation may carry', () => {
	it('names a demande by its UUID in small letters: "A…" and "a…" are one', () => {
		const id = randomUUID();
		expect(demandeSavePayload.parse(save({ demandeId: id.toUpperCase() })).demandeId).toBe(id);
		expect(demandeDeletePayload.parse({ demandeId: id.toUpperCase() }).demandeId).toBe(id);
	});

	it('dates a version within this century only', () => {
		expect(demandeSavePayload.safeParse(save({ savedAt: '9999-12-31T00:00:00.000Z' })).success).toBe(false);
		expect(demandeSavePayload.safeParse(save({ savedAt: '1970-01-01T00:00:00.000Z' })).success).toBe(false);
		expect(demandeSavePayload.safeParse(save()).success).toBe(true);
	});

	it(`bounds a draft's answers to ${MAX_DRAFT_BYTES} bytes of UTF-8, not characters`, () => {
		const room = MAX_DRAFT_BYTES - utf8Bytes(JSON.stringify({ m: '' }));
		expect(draftDataSchema.safeParse({ m: 'a'.repeat(room) }).success).toBe(true);
		expect(draftDataSchema.safeParse({ m: 'a'.repeat(room + 1) }).success).toBe(false);
		// A euro sign is three bytes: a third as many of them fit.
		expect(draftDataSchema.safeParse({ m: '€'.repeat(Math.floor(room / 3)) }).success).toBe(true);
		expect(draftDataSchema.safeParse({ m: '€'.repeat(Math.floor(room / 3) + 1) }).success).toBe(false);
	});

	it('counts UTF-8 bytes as the encoder does', () => {
		for (const text of ['', 'abc', 'é', '€', '😀', 'a😀é€', '\ud800', 'x\udc00'])
			expect(utf8Bytes(text), text).toBe(new TextEncoder().encode(text).length);
	});
});
