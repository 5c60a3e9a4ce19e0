import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AppDeps } from '../../server/deps.ts';
import { sessionCookie } from './families.ts';
import type { UploadOrder, UploadReport } from './requests-upload-child.ts';

export const PARALLEL_UPLOADS = 10;
export const LARGE_UPLOAD_BYTES = 10 * 1024 * 1024;
const SAMPLE_MS = 20;
const CHILD = fileURLToPath(new URL('./requests-upload-child.ts', import.meta.url));

export type UploadMemory = {
	beforeMiB: number;
	peakMiB: number;
	/**
	 * What JavaScript holds (heap used + buffers outside it), before and at most: a process that
	 * once grew keeps its pages, and its RSS may hide what new uploads take; these cannot.
	 */
	heldBeforeMiB: number;
	heldPeakMiB: number;
	samples: number;
	accepted: number;
	/** Answered 503 by the upload gate (its town limit). */
	refused: number;
	ms: number;
};

/**
 * The server's memory while 10 households each upload a 10 MB PDF at the same moment, sent from a
 * child process; its resident set sampled every 20 ms from just before the first byte to the last
 * answer.
 */
export async function measureUploadMemory(deps: AppDeps, appUrl: string): Promise<UploadMemory> {
	const accounts = await deps.db
		.selectFrom('account')
		.select('id')
		.where('username', 'like', 'famille.%')
		.orderBy('id', 'desc')
		.limit(PARALLEL_UPLOADS)
		.execute();
	const uploads = await Promise.all(
		accounts.map(async (a) => ({
			cookie: await sessionCookie(deps, a.id),
			documentId: randomUUID(),
			type: 'justificatif-domicile',
			name: 'facture-edf.pdf'
		}))
	);
	const order: UploadOrder = { url: appUrl, size: LARGE_UPLOAD_BYTES, uploads };
	const rss = () => process.memoryUsage().rss / 2 ** 20;
	const held = () => {
		const m = process.memoryUsage();
		return (m.heapUsed + m.external) / 2 ** 20;
	};
	const child = fork(CHILD, { execArgv: ['--import', 'tsx'] });
	await new Promise((ready) => child.once('spawn', ready));
	const beforeMiB = rss();
	const heldBeforeMiB = held();
	let peakMiB = beforeMiB;
	let heldPeakMiB = heldBeforeMiB;
	let samples = 0;
	const sample = () => {
		peakMiB = Math.max(peakMiB, rss());
		heldPeakMiB = Math.max(heldPeakMiB, held());
		samples++;
	};
	const sampler = setInterval(sample, SAMPLE_MS);
	try {
		const report = await new Promise<UploadReport>((resolve, reject) => {
			let answer: UploadReport | undefined;
			child.once('message', (m) => (answer = m as UploadReport));
			child.once('error', reject);
			child.once('exit', (code) =>
				answer ? resolve(answer) : reject(new Error(`envois parallèles arrêtés (code ${code})`))
			);
			child.send(order);
		});
		sample();
		const accepted = report.statuses.filter((s) => s === 201).length;
		return {
			beforeMiB,
			peakMiB,
			heldBeforeMiB,
			heldPeakMiB,
			samples,
			accepted,
			refused: report.statuses.length - accepted,
			ms: report.ms
		};
	} finally {
		clearInterval(sampler);
	}
}
