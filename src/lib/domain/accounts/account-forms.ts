import { z } from 'zod';
import { REQUIRED } from '../forms/field-errors.ts';
import { boundedString } from './bounded-text.ts';
import { emailSchema } from './identity.ts';
import { MAX_LENGTH, passwordProblem } from './password-policy.ts';
import { MAX_USERNAME_LENGTH, usernameProblem } from './username.ts';

// Every text is bounded on its raw length first (see boundedString): what runs after it (trim,
// lower case, NFKC) never sees more than a few kilobytes, whatever was posted.
const token = z
	.string({ error: 'Lien invalide.' })
	.max(80, { message: 'Lien invalide.', abort: true })
	.regex(/^[a-z2-7]{40,80}$/, 'Lien invalide.');
const password = () => boundedString(MAX_LENGTH);
const typedIdentifier = () => boundedString(254, 'Identifiant trop long.').trim().toLowerCase();

/** A new password and its repetition, both checked, each error on its own field. */
const newPassword = {
	motDePasse: password().superRefine((value, ctx) => {
		const problem = passwordProblem(value);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	}),
	confirmation: password()
};
const samePasswords = (v: { motDePasse: string; confirmation: string }, ctx: z.RefinementCtx) => {
	if (!v.confirmation) ctx.addIssue({ code: 'custom', path: ['confirmation'], message: REQUIRED });
	else if (v.motDePasse !== v.confirmation) {
		ctx.addIssue({
			code: 'custom',
			path: ['confirmation'],
			message: 'Les deux mots de passe ne sont pas identiques.'
		});
	}
};

/** "Votre identifiant de connexion" + password, sent with the activation link's token. */
export const activationSchema = z
	.object({
		jeton: token,
		identifiant: boundedString(MAX_USERNAME_LENGTH)
			.trim()
			.toLowerCase()
			.superRefine((value, ctx) => {
				const problem = usernameProblem(value);
				if (problem) ctx.addIssue({ code: 'custom', message: problem });
			}),
		...newPassword
	})
	.superRefine(samePasswords);

/**
 * "Identifiant ou courriel" + "Mot de passe": each empty field gets its message at once (a field
 * of spaces is empty). The identifier is compared as typed, trimmed and in lower case.
 */
export const loginSchema = z.object({
	identifiant: typedIdentifier().min(1, REQUIRED).max(254, 'Identifiant trop long.'),
	motDePasse: password().min(1, REQUIRED)
});

/** "Qu'avez-vous perdu ?": the username (by e-mail), or the password (by e-mail OR username). */
export const recoverySchema = z.discriminatedUnion(
	'perdu',
	[
		z.object({ perdu: z.literal('identifiant'), courriel: emailSchema }),
		z
			.object({
				perdu: z.literal('mot-de-passe'),
				courriel: boundedString(254, 'Adresse trop longue.').trim().optional(),
				identifiant: typedIdentifier().max(254, 'Identifiant trop long.').optional()
			})
			.superRefine((v, ctx) => {
				if (!v.courriel && !v.identifiant) {
					ctx.addIssue({
						code: 'custom',
						path: ['courriel'],
						message: 'Indiquez votre courriel ou votre nom d’utilisateur.'
					});
				} else if (v.courriel && !emailSchema.safeParse(v.courriel).success) {
					ctx.addIssue({
						code: 'custom',
						path: ['courriel'],
						message: 'Adresse électronique invalide (exemple : nom@exemple.fr).'
					});
				}
			})
	],
	{ error: 'Choisissez ce que vous avez perdu : votre identifiant ou votre mot de passe.' }
);
export type RecoveryInput = z.input<typeof recoverySchema>;

export const passwordResetSchema = z.object({ jeton: token, ...newPassword }).superRefine(samePasswords);

export const emailChangeSchema = z.object({ courriel: emailSchema });
export const tokenSchema = z.object({ jeton: token });
/** The activation page's "is this username free?" (the name is read by the route, bounded). */
export const usernameCheckSchema = z.object({ jeton: token, identifiant: z.string().default('') });
