import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../src/lib/domain/documents/document-types.ts';
import { MAX_DOCUMENTS_PER_HOUSEHOLD } from '../../server/documents/document-repository.ts';
import { dupins, withMartinFamily } from './support/agenda.ts';
import {
	filesOnDisk,
	jpeg,
	PDF,
	png,
	requestsVersion,
	streamedBody,
	upload,
	uploaded
} from './support/documents.ts';
import { expectError } from './support/expect.ts';
import type { TestCtx } from './support/test-app.ts';

async function householdOf(ctx: TestCtx, prenom: string): Promise<number> {
	const row = await ctx.db
		.selectFrom('person')
		.select('household_id')
		.where('prenom', '=', prenom)
		.executeTakeFirstOrThrow();
	return row.household_id;
}

const countRows = async (ctx: TestCtx) =>
	Number(
		(
			await ctx.db
				.selectFrom('document')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

/** Nothing kept: no row, no file, nothing left half-written. */
async function expectNothingWritten(ctx: TestCtx, rowsBefore = 0) {
	expect(await countRows(ctx)).toBe(rowsBefore);
	const disk = filesOnDisk(ctx);
	expect(disk.partial).toEqual([]);
	expect(disk.files.length).toBe(rowsBefore);
}

describe('a justificatif sent by a household', () => {
	it('is kept under a server-made name with its hash, "à valider", and raises the requests version', async () => {
		const { ctx, client, timId } = await dupins();
		const household = await householdOf(ctx, 'Tim');
		const id = randomUUID();
		const res = await upload(ctx, client, PDF, { id, name: 'Attestation CAF été.pdf', personId: timId });
		expect(res.status).toBe(201);
		const document = await uploaded(res);
		expect(document).toMatchObject({
			id,
			type: 'attestation-caf',
			personId: timId,
			personLabel: null,
			status: 'a-valider',
			name: 'Attestation CAF été.pdf',
			mime: 'application/pdf',
			size: PDF.byteLength,
			uploadedAt: '2026-11-28T09:00:00.000Z'
		});
		const row = await ctx.db.selectFrom('document').selectAll().executeTakeFirstOrThrow();
		expect(row.stored_name).toMatch(/^[0-9a-f]{32}\.pdf$/);
		const stored = readFileSync(join(ctx.dataDir, 'uploads', row.stored_name));
		expect(Buffer.compare(stored, Buffer.from(PDF))).toBe(0);
		expect(row.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
		expect(filesOnDisk(ctx)).toEqual({ files: [row.stored_name], partial: [] });
		expect(await requestsVersion(ctx, household)).toBe(1);
	});

	it('is typed by its first bytes, not by its name or Content-Type: PNG bytes named .pdf are a PNG', async () => {
		const { ctx, client } = await dupins();
		const document = await uploaded(
			await upload(ctx, client, png(), { name: 'scan.pdf', contentType: 'application/pdf' })
		);
		expect(document.mime).toBe('image/png');
		const photo = await uploaded(
			await upload(ctx, client, jpeg(), { name: 'photo', contentType: 'text/plain' })
		);
		expect(photo.mime).toBe('image/jpeg');
		const names = (await ctx.db.selectFrom('document').select('stored_name').execute()).map(
			(r) => r.stored_name
		);
		expect(names.map((n) => n.slice(-4)).sort()).toEqual(['.jpg', '.png']);
	});

	it('is refused (415, in French) when it is not a PDF, a JPEG or a PNG, and nothing is kept', async () => {
		const { ctx, client } = await dupins();
		const text = new TextEncoder().encode('Ceci est un simple texte, pas un PDF.\n'.repeat(200));
		const html = new TextEncoder().encode(
			'<!doctype html><html><body><script>alert(1)</script></body></html>'
		);
		const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;');
		for (const [body, name] of [
			[text, 'releve.pdf'],
			[html, 'page.pdf'],
			[gif, 'image.png']
		] as const) {
			await expectError(await upload(ctx, client, body, { name }), 415, {
				code: 'unsupported_type',
				message: 'Ce type de fichier n’est pas accepté : envoyez un PDF, une image JPEG ou une image PNG.'
			});
		}
		await expectNothingWritten(ctx);
	});

	it('is refused by its Content-Length (413) before a byte is read, and needs one (411)', async () => {
		const { ctx, client } = await dupins();
		const big = streamedBody(PDF, MAX_UPLOAD_BYTES + 1);
		await expectError(await upload(ctx, client, big.stream, { length: MAX_UPLOAD_BYTES + 1 }), 413, {
			code: 'too_large',
			message: 'Le fichier dépasse la taille maximale de 10 Mo.'
		});
		expect(big.state.pulled).toBe(0);
		const unsized = streamedBody(PDF, 1000);
		await expectError(await upload(ctx, client, unsized.stream, { length: null }), 411, {
			code: 'length_required'
		});
		expect(unsized.state.pulled).toBe(0);
		await expectNothingWritten(ctx);
	});

	it('is cut at the limit when it is longer than its Content-Length said (413), and the partial file removed', async () => {
		const { ctx, client } = await dupins();
		const liar = streamedBody(PDF, MAX_UPLOAD_BYTES + 5 * 64 * 1024);
		await expectError(await upload(ctx, client, liar.stream, { length: 1000 }), 413, { code: 'too_large' });
		// Read up to the limit and one chunk more, never the rest.
		expect(liar.state.pulled).toBeLessThanOrEqual(MAX_UPLOAD_BYTES + 3 * 64 * 1024);
		const short = streamedBody(PDF, 2000);
		await expectError(await upload(ctx, client, short.stream, { length: 5000 }), 400, { code: 'incomplete' });
		await expectNothingWritten(ctx);
	});

	it('sent again with the same UUID answers the document on file (200), kept once, its body only drained', async () => {
		const { ctx, client } = await dupins();
		const household = await householdOf(ctx, 'Tim');
		const id = randomUUID();
		const first = await uploaded(await upload(ctx, client, PDF, { id }));
		const again = streamedBody(PDF, PDF.byteLength);
		const res = await upload(ctx, client, again.stream, { id, length: PDF.byteLength });
		expect(res.status).toBe(200);
		expect(await uploaded(res)).toEqual(first);
		// Decided before reading; the body is drained, so that the sender reads the answer.
		expect(again.state.pulled).toBe(PDF.byteLength);
		await expectNothingWritten(ctx, 1);
		expect(await requestsVersion(ctx, household)).toBe(1);
	});

	it('sent twice at once with the same UUID is kept once: both answers give the same document', async () => {
		const { ctx, client } = await dupins();
		const id = randomUUID();
		const answers = await Promise.all([upload(ctx, client, PDF, { id }), upload(ctx, client, PDF, { id })]);
		expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
		const [a, b] = await Promise.all(answers.map(uploaded));
		expect(a).toEqual(b);
		await expectNothingWritten(ctx, 1);
	});

	it('with another household’s UUID is refused (409) and nothing is written', async () => {
		const { ctx, client } = await dupins();
		const id = randomUUID();
		const pascals = await uploaded(await upload(ctx, client, PDF, { id }));
		const martin = await withMartinFamily(ctx);
		await expectError(await upload(ctx, martin.client, png(), { id, name: 'autre.png' }), 409, {
			code: 'conflict'
		});
		await expectNothingWritten(ctx, 1);
		const row = await ctx.db.selectFrom('document').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ original_name: pascals.name, mime: 'application/pdf' });
		expect(await requestsVersion(ctx, martin.householdId)).toBe(0);
	});

	it('for a person of another household is refused as unknown (404) and nothing is written', async () => {
		const { ctx, client } = await dupins();
		const martin = await withMartinFamily(ctx);
		await expectError(await upload(ctx, client, PDF, { personId: martin.leaId }), 404, {
			code: 'not_found',
			message: 'Personne introuvable.'
		});
		await expectNothingWritten(ctx);
	});

	it('checks its query: a known type, a name of at most 200 characters', async () => {
		const { ctx, client } = await dupins();
		await expectError(await upload(ctx, client, PDF, { type: 'carte-vitale' }), 400, {
			code: 'invalid_fields',
			fields: { type: 'Type de justificatif inconnu.' }
		});
		await expectError(await upload(ctx, client, PDF, { name: 'a'.repeat(201) }), 400, {
			fields: { name: '200 caractères au maximum.' }
		});
		await expectError(await upload(ctx, client, PDF, { name: ' ' }), 400, { fields: { name: true } });
		await expectError(await upload(ctx, client, PDF, { id: 'pas-un-uuid' }), 400, { code: 'invalid_id' });
		// A new child's label is kept as written; a name's slashes and control characters are not.
		const doc = await uploaded(
			await upload(ctx, client, PDF, { name: '../../etc/passwd\u0000.pdf', personLabel: ' Zoé DUPIN ' })
		);
		expect(doc).toMatchObject({ name: '.._.._etc_passwd_.pdf', personLabel: 'Zoé DUPIN', personId: null });
	});

	it('refuses a person’s label with a control character, as the forms do, and drops bidi overrides', async () => {
		const { ctx, client } = await dupins();
		for (const personLabel of ['\u0000\u0007ctrl', 'Zoé\nDUPIN', 'Zoé\u007f']) {
			await expectError(await upload(ctx, client, PDF, { personLabel }), 400, {
				code: 'invalid_fields',
				fields: { personLabel: 'Caractère non autorisé.' }
			});
		}
		await expectNothingWritten(ctx);
		const turned = await uploaded(
			await upload(ctx, client, PDF, { personLabel: '\u202eZoé\u2066 DUPIN\u200f' })
		);
		expect(turned.personLabel).toBe('Zoé DUPIN');
		const onlyBidi = await uploaded(await upload(ctx, client, PDF, { personLabel: ' \u202e ' }));
		expect(onlyBidi.personLabel).toBeNull();
	});

	it('needs a session (401) and the portal’s origin (403), refused unread', async () => {
		const { ctx, client } = await dupins();
		const anonymous = streamedBody(PDF, 1000);
		await expectError(await upload(ctx, null, anonymous.stream, { length: 1000 }), 401);
		const foreign = streamedBody(PDF, 1000);
		await expectError(
			await upload(ctx, client, foreign.stream, { length: 1000, origin: 'http://evil.example' }),
			403,
			{
				code: 'forbidden_origin'
			}
		);
		expect(anonymous.state.pulled + foreign.state.pulled).toBe(0);
		await expectNothingWritten(ctx);
	});

	it(`stops at ${MAX_DOCUMENTS_PER_HOUSEHOLD} documents per household, with a French reason, nothing written`, async () => {
		const { ctx, client } = await dupins();
		await fillLibrary(ctx, MAX_DOCUMENTS_PER_HOUSEHOLD);
		const body = streamedBody(PDF, PDF.byteLength);
		await expectError(await upload(ctx, client, body.stream, { length: PDF.byteLength }), 409, {
			code: 'too_many_documents',
			message: /déjà 200 justificatifs/
		});
		expect(body.state.pulled).toBe(PDF.byteLength); // drained, not written
		expect(filesOnDisk(ctx)).toEqual({ files: [], partial: [] });
	});

	it('keeps the bound when the last place is asked for twice at once: one is kept, the other refused', async () => {
		const { ctx, client } = await dupins();
		await fillLibrary(ctx, MAX_DOCUMENTS_PER_HOUSEHOLD - 1);
		const answers = await Promise.all([upload(ctx, client, PDF), upload(ctx, client, png())]);
		expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
		expect(await countRows(ctx)).toBe(MAX_DOCUMENTS_PER_HOUSEHOLD);
		expect(filesOnDisk(ctx)).toMatchObject({ files: [expect.any(String)], partial: [] });
	});
});

/** `count` documents already on file for the DUPIN household (rows only: their files are not read). */
async function fillLibrary(ctx: TestCtx, count: number) {
	const household = await householdOf(ctx, 'Tim');
	const account = await ctx.db
		.selectFrom('account')
		.select('id')
		.where('household_id', '=', household)
		.executeTakeFirstOrThrow();
	await ctx.db
		.insertInto('document')
		.values(
			Array.from({ length: count }, (_, i) => ({
				client_id: randomUUID(),
				household_id: household,
				type: 'piece-jointe',
				status: 'a-valider' as const,
				stored_name: `deja-${i}.pdf`,
				original_name: `ancien ${i}.pdf`,
				mime: 'application/pdf',
				size: 10,
				sha256: '0'.repeat(64),
				uploaded_at: '2026-11-01T08:00:00.000Z',
				uploaded_by: account.id
			}))
		)
		.execute();
}
