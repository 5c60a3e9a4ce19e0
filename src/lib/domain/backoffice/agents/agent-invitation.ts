import { z } from 'zod';
import { REQUIRED } from '../../forms/field-errors.ts';
import { boundedString, tooLong } from '../../accounts/bounded-text.ts';
import { emailSchema } from '../../accounts/identity.ts';

export const MAX_AGENT_NAME = 80;

const nameSchema = boundedString(MAX_AGENT_NAME)
	.trim()
	.min(1, REQUIRED)
	.max(MAX_AGENT_NAME, tooLong(MAX_AGENT_NAME));

/** "Inviter un agent": who, and whether an agent or an administrateur (manual: back office). */
export const agentInvitationSchema = z.object({
	email: emailSchema,
	prenom: nameSchema,
	nom: nameSchema,
	role: z.enum(['agent', 'administrateur'], { error: 'Choisissez le rôle : agent ou administrateur.' })
});
export type AgentInvitation = z.infer<typeof agentInvitationSchema>;

export const EMAIL_TAKEN = 'Cette adresse électronique est déjà celle d’un compte du portail.';

/** How long an invitation's link lets the agent choose a password. */
export const AGENT_ACTIVATION_DAYS = 7;
