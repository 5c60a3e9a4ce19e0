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

function documentUrl(baseUrl: string, upload: Upload): string {
	const query = new URLSearchParams({ type: upload.type, name: upload.name });
	if (upload.personId !== undefined) query.set('personId', String(upload.personId));
	if (upload.personLabel !== undefined) query.set('personLabel', upload.personLabel);
	return `${baseUrl}/api/documents/${upload.documentId}?${query}`;
}

const uploadHeaders = (cookie: string, body: Uint8Array) => ({
	'Content-Type': 'application/pdf',
	'Content-Length': String(body.length),
	Origin: PUBLIC_URL,
	Cookie: cookie
});

function checked(status: number, text: string): number {
	if (status !== 201 && status !== 503) throw new Error(`envoi refusé : ${status} ${text}`);
	return status;
}

/** PUT /api/documents/:id as the outbox sends a justificatif: the raw bytes, their length declared. */
export async function putDocument(
	baseUrl: string,
	cookie: string,
	upload: Upload,
	body: Uint8Array<ArrayBuffer>
): Promise<number> {
	const res = await fetch(documentUrl(baseUrl, upload), {
		method: 'PUT',
		headers: uploadHeaders(cookie, body),
		body
	});
	return checked(res.status, await res.text());
}

/**
 * The same, from a loopback address of its own (127.0.0.x): ten households upload from ten
 * homes, not through one address, which the server's per-address upload slots would hold back.
 */
export function putDocumentFrom(
	localAddress: string,
	baseUrl: string,
	cookie: string,
	upload: Upload,
	body: Uint8Array<ArrayBuffer>
): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(
			documentUrl(baseUrl, upload),
			{ method: 'PUT', localAddress, headers: uploadHeaders(cookie, body) },
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () => {
					try {
						resolve(checked(res.statusCode ?? 0, text));
					} catch (error) {
						reject(error);
					}
				});
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
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
