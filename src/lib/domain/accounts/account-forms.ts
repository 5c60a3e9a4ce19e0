import { z } from 'zod';
import { REQUIRED } from '../forms/field-errors.ts';
import { emailSchema } from './identity.ts';
import { passwordProblem } from './password-policy.ts';
import { usernameProblem } from './username.ts';

const required = z.string({ error: REQUIRED }).min(1, REQUIRED);
const token = z.string({ error: 'Lien invalide.' }).regex(/^[a-z2-7]{40,80}$/, 'Lien invalide.');

/** A new password and its repetition, both checked, each error on its own field. */
const newPassword = {
	motDePasse: z.string({ error: REQUIRED }).superRefine((value, ctx) => {
		const problem = passwordProblem(value);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	}),
	confirmation: z.string({ error: REQUIRED })
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
		identifiant: z
			.string({ error: REQUIRED })
			.trim()
			.toLowerCase()
			.superRefine((value, ctx) => {
				const problem = usernameProblem(value);
				if (problem) ctx.addIssue({ code: 'custom', message: problem });
			}),
		...newPassword
	})
	.superRefine(samePasswords);

export const loginSchema = z.object({
	identifiant: required.trim().max(254, 'Identifiant trop long.'),
	motDePasse: required.max(1024, 'Mot de passe trop long.')
});

/** "Qu'avez-vous perdu ?": the username (by e-mail), or the password (by e-mail OR username). */
export const recoverySchema = z.discriminatedUnion(
	'perdu',
	[
		z.object({ perdu: z.literal('identifiant'), courriel: emailSchema }),
		z
			.object({
				perdu: z.literal('mot-de-passe'),
				courriel: z.string().trim().optional(),
				identifiant: z.string().trim().toLowerCase().max(254).optional()
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
