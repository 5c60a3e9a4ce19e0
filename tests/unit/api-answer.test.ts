import type { ClientResponse } from 'hono/client';
import { describe, expect, it } from 'vitest';
import { answer, ApiError, NetworkError, onSessionEnded } from '../../src/lib/api/client.ts';

/** An answer of the server, as the typed client hands it over. */
const reply = (status: number, body: unknown) =>
	Promise.resolve(
		new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
	) as unknown as Promise<ClientResponse<{ ok: true }, 200, 'json'>>;

describe('answer(): what a call of the typed API gives the page', () => {
	it('the body of a success', async () => {
		expect(await answer(reply(200, { ok: true }))).toEqual({ ok: true });
	});

	it('a refusal becomes an ApiError with the server’s French message and fields', async () => {
		const error = await answer(
			reply(400, {
				error: {
					code: 'invalid_fields',
					message: 'Certains champs sont à corriger.',
					fields: { nom: 'Ce champ est obligatoire.' }
				}
			})
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ApiError);
		expect(error).toMatchObject({
			status: 400,
			code: 'invalid_fields',
			message: 'Certains champs sont à corriger.',
			fields: { nom: 'Ce champ est obligatoire.' }
		});
	});

	it('an unreachable server is a NetworkError, not a refusal', async () => {
		const error = await answer(Promise.reject(new TypeError('Failed to fetch'))).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NetworkError);
	});

	it('a page of another shape (a proxy’s) is still a refusal in French', async () => {
		const html = Promise.resolve(new Response('<html>502</html>', { status: 502 })) as unknown as Promise<
			ClientResponse<{ ok: true }, 200, 'json'>
		>;
		const error = await answer(html).catch((e: unknown) => e);
		expect(error).toMatchObject({
			status: 502,
			code: 'http_502',
			message: 'Une erreur est survenue. Veuillez réessayer.'
		});
	});

	it('a 401 “unauthenticated” tells the page its session ended; wrong credentials do not', async () => {
		let ended = 0;
		const stop = onSessionEnded(() => ended++);
		await answer(
			reply(401, { error: { code: 'wrong_credentials', message: 'Identifiant ou mot de passe incorrect.' } })
		).catch(() => null);
		expect(ended).toBe(0);
		await answer(
			reply(401, { error: { code: 'unauthenticated', message: 'Veuillez vous reconnecter.' } })
		).catch(() => null);
		expect(ended).toBe(1);
		stop();
	});
});
