import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../../src/lib/api/client.ts';
import { apiTransport, uploadUrl } from '../../src/lib/offline/api-transport.ts';

const payload = {
	documentId: '6a1f0f3e-2c1b-4b8e-9d55-0e2f6b7c8d90',
	type: 'justificatif-domicile' as const,
	personId: 7,
	personLabel: 'Tim DUPIN',
	name: 'facture EDF & eau.pdf',
	mime: 'application/pdf',
	size: 8
};

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('the upload route as the engine calls it', () => {
	it('puts the file as the body, named by its UUID, with its type and name in the query', async () => {
		const fetch = vi.fn(
			async (_url: string, _init: RequestInit) =>
				new Response(JSON.stringify({ document: { id: payload.documentId } }), { status: 201 })
		);
		vi.stubGlobal('fetch', fetch);
		const blob = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
		expect(await apiTransport.upload(payload, blob)).toEqual({ document: { id: payload.documentId } });
		const [url, init] = fetch.mock.calls[0]!;
		expect(url).toBe(uploadUrl(payload));
		const query = new URL(url, 'http://localhost').searchParams;
		expect(url.startsWith(`/api/documents/${payload.documentId}?`)).toBe(true);
		expect(Object.fromEntries(query)).toEqual({
			type: 'justificatif-domicile',
			name: 'facture EDF & eau.pdf',
			personId: '7',
			personLabel: 'Tim DUPIN'
		});
		expect(init).toMatchObject({ method: 'PUT', body: blob });
		expect(init.headers).toMatchObject({ 'Content-Type': 'application/pdf' });
	});

	it('leaves out the person when the file is the family’s', () => {
		const query = new URL(uploadUrl({ ...payload, personId: null, personLabel: null }), 'http://x')
			.searchParams;
		expect([...query.keys()]).toEqual(['type', 'name']);
	});

	it('turns a refusal into the server’s French message, and no server into a network error', async () => {
		const message = 'Le fichier dépasse 10 Mo : choisissez un fichier plus léger.';
		vi.stubGlobal(
			'fetch',
			vi.fn(
				async () => new Response(JSON.stringify({ error: { code: 'too_large', message } }), { status: 413 })
			)
		);
		const refused = apiTransport.upload(payload, new Blob(['x']));
		await expect(refused).rejects.toBeInstanceOf(ApiError);
		await expect(refused).rejects.toMatchObject({ status: 413, code: 'too_large', message });
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => {
				throw new TypeError('Failed to fetch');
			})
		);
		await expect(apiTransport.upload(payload, new Blob(['x']))).rejects.toBeInstanceOf(NetworkError);
	});
});
