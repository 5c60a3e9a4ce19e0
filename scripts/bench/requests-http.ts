import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { PUBLIC_URL } from './town.ts';

/**
 * A one-page PDF of `size` bytes whose content stream is random (as incompressible as a scan):
 * the upload route checks its magic bytes with file-type, as for a parent's file.
 */
export function pdfOfSize(size: number): Uint8Array<ArrayBuffer> {
	const head = Buffer.from(
		'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n' +
			'2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n' +
			'3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\n',
		'latin1'
	);
	const tail = Buffer.from('\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');
	const streamLength = size - head.length - tail.length - 40;
	const open = Buffer.from(`4 0 obj <</Length ${streamLength}>> stream\n`.padEnd(40, ' '), 'latin1');
	return new Uint8Array(Buffer.concat([head, open, randomBytes(streamLength), tail]));
}

export type Upload = {
	documentId: string;
	type: string;
	name: string;
	personId?: number;
	personLabel?: string;
};

/** PUT /api/documents/:id as the outbox sends a justificatif: the raw bytes, their length declared. */
export async function putDocument(
	baseUrl: string,
	cookie: string,
	upload: Upload,
	body: Uint8Array<ArrayBuffer>
): Promise<number> {
	const query = new URLSearchParams({ type: upload.type, name: upload.name });
	if (upload.personId !== undefined) query.set('personId', String(upload.personId));
	if (upload.personLabel !== undefined) query.set('personLabel', upload.personLabel);
	const res = await fetch(`${baseUrl}/api/documents/${upload.documentId}?${query}`, {
		method: 'PUT',
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Length': String(body.length),
			Origin: PUBLIC_URL,
			Cookie: cookie
		},
		body
	});
	const text = await res.text();
	if (res.status !== 201 && res.status !== 503) throw new Error(`envoi refusé : ${res.status} ${text}`);
	return res.status;
}

/** The bytes of an answer as they travel (compressed if the server compressed it), not decoded. */
export function wireBytes(url: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		request(url, { headers }, (res) => {
			let bytes = 0;
			res.on('data', (chunk: Buffer) => (bytes += chunk.length));
			res.on('end', () =>
				res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url} : ${res.statusCode}`))
			);
			res.on('error', reject);
		})
			.on('error', reject)
			.end();
	});
}
