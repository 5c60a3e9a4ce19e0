import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { MIN_FREE_BYTES } from '../../server/documents/disk-floor.ts';
import { MAX_BYTES_PER_HOUSEHOLD } from '../../server/documents/document-repository.ts';
import { dupins } from './support/agenda.ts';
import { filesOnDisk, PDF, png, streamedBody, upload, uploaded } from './support/documents.ts';
import { expectError } from './support/expect.ts';
import type { TestCtx } from './support/test-app.ts';

// The data disk's free space, as the server reads it: the real one unless a test sets it.
const disk = vi.hoisted(() => ({ free: null as number | null, asked: [] as string[] }));
vi.mock('../../server/documents/disk-space.ts', async (original) => {
	const real = await original<typeof import('../../server/documents/disk-space.ts')>();
	return {
		...real,
		freeBytes: async (dir: string) => {
			disk.asked.push(dir);
			return disk.free ?? real.freeBytes(dir);
		}
	};
});

/** Rows of the DUPIN household weighing `bytes` in all (their files are never read). */
async function filled(ctx: TestCtx, bytes: number) {
	const account = await ctx.db
		.selectFrom('account')
		.innerJoin('person', 'person.household_id', 'account.household_id')
		.select(['account.id', 'account.household_id'])
		.where('person.prenom', '=', 'Tim')
		.executeTakeFirstOrThrow();
	const sizes = [bytes - Math.floor(bytes / 2), Math.floor(bytes / 2)];
	await ctx.db
		.insertInto('document')
		.values(
			sizes.map((size, i) => ({
				client_id: randomUUID(),
				household_id: account.household_id,
				type: 'piece-jointe',
				status: 'a-valider' as const,
				stored_name: `deja-${i}.pdf`,
				original_name: `ancien ${i}.pdf`,
				mime: 'application/pdf',
				size,
				sha256: '0'.repeat(64),
				uploaded_at: '2026-11-01T08:00:00.000Z',
				uploaded_by: account.id
			}))
		)
		.execute();
}

describe('a household’s justificatifs', () => {
	it(`weigh at most ${MAX_BYTES_PER_HOUSEHOLD / (1024 * 1024)} Mo: a file that would pass it is refused before it is written (413)`, async () => {
		const { ctx, client } = await dupins();
		await filled(ctx, MAX_BYTES_PER_HOUSEHOLD - 1000);
		const body = streamedBody(PDF, 1001);
		await expectError(await upload(ctx, client, body.stream, { length: 1001 }), 413, {
			code: 'quota_exceeded',
			message:
				'Avec ce fichier, les justificatifs de votre foyer dépasseraient 200 Mo, le maximum. Contactez la mairie pour en retirer.'
		});
		// Decided before reading; the body is only drained, so that the sender reads the answer.
		expect(body.state.pulled).toBe(1001);
		expect(filesOnDisk(ctx)).toEqual({ files: [], partial: [] });
		// What still fits is kept.
		expect((await upload(ctx, client, PDF)).status).toBe(201);
	});

	it('keep the bound when two files that each fit arrive at once: one is kept, the other refused', async () => {
		const { ctx, client } = await dupins();
		const image = png();
		await filled(ctx, MAX_BYTES_PER_HOUSEHOLD - PDF.byteLength - image.byteLength + 1);
		const answers = await Promise.all([upload(ctx, client, PDF), upload(ctx, client, image)]);
		expect(answers.map((r) => r.status).sort()).toEqual([201, 413]);
		expect(filesOnDisk(ctx)).toMatchObject({ files: [expect.any(String)], partial: [] });
	});
});

describe('the data disk', () => {
	it(`keeps ${MIN_FREE_BYTES / (1024 * 1024)} Mio free: below, a file is refused before it is written (507) and retried later`, async () => {
		const { ctx, client } = await dupins();
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			disk.free = MIN_FREE_BYTES + 1000;
			const body = streamedBody(PDF, 1001);
			const refused = await upload(ctx, client, body.stream, { length: 1001 });
			await expectError(refused, 507, {
				code: 'storage_full',
				message: /plus assez de place.*reste sur cet appareil/
			});
			expect(refused.headers.get('retry-after')).toBe('600');
			expect(body.state.pulled).toBe(1001); // drained, not written
			expect(disk.asked.at(-1)).toBe(`${ctx.dataDir}/uploads`);
			expect(errors).toHaveBeenCalledWith(expect.stringMatching(/disque presque plein/));
			expect(filesOnDisk(ctx)).toEqual({ files: [], partial: [] });
			// A file that leaves the floor free is kept.
			expect((await upload(ctx, client, PDF)).status).toBe(201);
			disk.free = null;
			await uploaded(await upload(ctx, client, png()));
		} finally {
			disk.free = null;
			errors.mockRestore();
		}
	});
});
