// The senders of the parallel uploads, in a process of their own: their 10 MB bodies would
// otherwise count in the memory of the server's process, which is what is measured.
import { pdfOfSize, putDocumentFrom, type Upload } from './requests-http.ts';

export type UploadOrder = { url: string; size: number; uploads: (Upload & { cookie: string })[] };
export type UploadReport = { statuses: number[]; ms: number };

process.once('message', (order: UploadOrder) => {
	const body = pdfOfSize(order.size);
	const started = performance.now();
	// Each household from its own address, as ten homes would send them.
	Promise.all(
		order.uploads.map((u, i) => putDocumentFrom(`127.0.0.${10 + i}`, order.url, u.cookie, u, body))
	).then(
		(statuses) =>
			process.send?.({ statuses, ms: performance.now() - started } satisfies UploadReport, () =>
				process.exit(0)
			),
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		}
	);
});
