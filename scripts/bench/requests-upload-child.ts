// The senders of the parallel uploads, in a process of their own: their 10 MB bodies would
// otherwise count in the memory of the server's process, which is what is measured.
import { pdfOfSize, putDocument, type Upload } from './requests-http.ts';

export type UploadOrder = { url: string; size: number; uploads: (Upload & { cookie: string })[] };
export type UploadReport = { statuses: number[]; ms: number };

process.once('message', (order: UploadOrder) => {
	const body = pdfOfSize(order.size);
	const started = performance.now();
	Promise.all(order.uploads.map((u) => putDocument(order.url, u.cookie, u, body))).then(
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
