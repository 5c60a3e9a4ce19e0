import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../src/lib/api/client.ts';
import { FormState } from '../../src/lib/components/form/form-state.svelte.ts';
import { withFrenchSpacing } from '../../src/lib/domain/text/french-spacing.ts';

describe('French spacing of the messages shown', () => {
	it('binds ":" ";" "?" "!" to the word before, and the guillemets to their words', () => {
		expect(withFrenchSpacing('Cet identifiant est déjà utilisé : choisissez-en un autre.')).toBe(
			'Cet identifiant est déjà utilisé\u00a0: choisissez-en un autre.'
		);
		expect(withFrenchSpacing('Trop tard ; réessayez ? Oui !')).toBe(
			'Trop tard\u00a0; réessayez\u00a0? Oui\u00a0!'
		);
		expect(withFrenchSpacing('Vous avez déjà une adresse nommée « Maison ».')).toBe(
			'Vous avez déjà une adresse nommée «\u00a0Maison\u00a0».'
		);
	});

	it('leaves what has no space before its sign, and what is already bound', () => {
		for (const text of ['Ouvert à 12:30.', 'https://exemple.fr/a?b=c', 'Déjà\u00a0: bien', 'Fin\u202f!', ''])
			expect(withFrenchSpacing(text)).toBe(text);
	});

	it('is applied by FormState to the errors beside the fields and to the banner', async () => {
		const typed = { identifiant: 'pascal.dupin' };
		const form = new FormState(() => typed);
		const taken = new ApiError(409, 'username_taken', 'Refusé.', {
			identifiant: 'Cet identifiant est déjà utilisé : choisissez-en un autre.'
		});
		await form.submit(z.object({ identifiant: z.string() }), typed, () => Promise.reject(taken));
		expect(form.errors.identifiant).toBe('Cet identifiant est déjà utilisé\u00a0: choisissez-en un autre.');
		const whole = new FormState(() => typed);
		const refused = new ApiError(403, 'closed', 'Les inscriptions sont fermées : revenez demain.');
		await whole.submit(z.object({ identifiant: z.string() }), typed, () => Promise.reject(refused));
		expect(whole.failure).toBe('Les inscriptions sont fermées\u00a0: revenez demain.');
	});
});
