import { AGENT_ACTIVATION_DAYS } from '../../../src/lib/domain/backoffice/agents/agent-invitation.ts';
import type { Config } from '../../config.ts';
import type { MailMessage } from '../../mail/mailer.ts';
import { renderMail } from '../../mail/templates.ts';

/** The invitation: the link opens the page where the agent chooses a password (/mot-de-passe/nouveau). */
export function agentInvitationMail(
	config: Config,
	invitation: { to: string; prenom: string; username: string; token: string }
): MailMessage {
	return renderMail(invitation.to, config.townName, {
		subject: 'Activez votre compte agent',
		greeting: `Bonjour ${invitation.prenom},`,
		paragraphs: [
			`Un compte agent du portail citoyen de la mairie a été créé pour vous. Votre identifiant de connexion est : ${invitation.username}`,
			'Pour l’activer, choisissez votre mot de passe en suivant ce lien :'
		],
		action: {
			label: 'Activer mon compte agent',
			url: `${config.publicUrl}/mot-de-passe/nouveau?jeton=${invitation.token}`
		},
		footnote: `Ce lien est valable ${AGENT_ACTIVATION_DAYS} jours et ne peut servir qu’une fois. Passé ce délai, demandez à l’administrateur de la mairie de vous renvoyer l’invitation.`
	});
}
