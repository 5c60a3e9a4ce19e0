import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, NetworkError } from '../../src/lib/api/client.ts';
import { FormState } from '../../src/lib/components/form/form-state.svelte.ts';

const schema = z.object({ identifiant: z.string(), motDePasse: z.string() });

/** A form holding these two fields, refused by the server with `error`. */
async function refusedWith(error: Error) {
	const typed = { identifiant: 'pascal.dupin', motDePasse: 'Hesdigneul62' };
	const form = new FormState(() => typed);
	const sent = await form.submit(schema, typed, () => Promise.reject(error));
	return { sent, errors: form.errors, failure: form.failure };
}

describe('a refusal of the server is said once', () => {
	it('beside its fields only, when each field of the refusal is one the form shows', async () => {
		const taken = new ApiError(409, 'username_taken', 'Cet identifiant est déjà utilisé.', {
			identifiant: 'Cet identifiant est déjà utilisé : choisissez-en un autre.'
		});
		expect(await refusedWith(taken)).toEqual({
			sent: false,
			errors: { identifiant: 'Cet identifiant est déjà utilisé\u00a0: choisissez-en un autre.' },
			failure: ''
		});
	});

	it('above the button when it names no field', async () => {
		const wrong = new ApiError(401, 'wrong_credentials', 'Identifiant ou mot de passe incorrect.');
		expect(await refusedWith(wrong)).toEqual({
			sent: false,
			errors: {},
			failure: 'Identifiant ou mot de passe incorrect.'
		});
		expect((await refusedWith(new NetworkError(null))).failure).toBe(
			'Le serveur ne répond pas. Vérifiez votre connexion.'
		);
	});

	it('above the button, in the field’s own words, for a field the form does not hold', async () => {
		const badLink = new ApiError(400, 'invalid_fields', 'Certains champs sont à corriger.', {
			jeton: 'Lien invalide ou incomplet.',
			motDePasse: 'Mot de passe trop courant.'
		});
		expect(await refusedWith(badLink)).toEqual({
			sent: false,
			errors: { motDePasse: 'Mot de passe trop courant.' },
			failure: 'Lien invalide ou incomplet.'
		});
	});
});
