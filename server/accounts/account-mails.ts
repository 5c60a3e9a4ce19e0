import type { Config } from '../config.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { renderMail } from '../mail/templates.ts';

const link = (config: Config, path: string, token: string) => `${config.publicUrl}${path}?jeton=${token}`;

export function activationMail(config: Config, to: string, prenom: string, token: string): MailMessage {
	return renderMail(to, config.townName, {
		subject: 'Activez votre compte citoyen',
		greeting: `Bonjour ${prenom},`,
		paragraphs: [
			'Votre demande de création de compte sur le portail citoyen a bien été enregistrée.',
			'Pour finaliser l’activation de votre compte, choisissez votre identifiant de connexion et créez votre mot de passe en suivant ce lien :'
		],
		action: { label: 'Activer mon compte', url: link(config, '/activation', token) },
		footnote:
			'Ce lien est valable 72 heures et ne peut servir qu’une fois. Si vous n’avez rien demandé, ignorez ce message.'
	});
}

export function alreadyRegisteredMail(config: Config, to: string, username: string): MailMessage {
	return renderMail(to, config.townName, {
		subject: 'Vous avez déjà un compte citoyen',
		greeting: 'Bonjour,',
		paragraphs: [
			'Une demande de création de compte a été faite avec cette adresse, mais un compte existe déjà.',
			`Votre identifiant de connexion est : ${username}`,
			'Si vous avez oublié votre mot de passe, utilisez « Mot de passe / identifiant perdu ? » sur la page de connexion.'
		],
		action: { label: 'Me connecter', url: `${config.publicUrl}/connexion` }
	});
}

export function usernameReminderMail(config: Config, to: string, usernames: string[]): MailMessage {
	return renderMail(to, config.townName, {
		subject: 'Votre identifiant de connexion',
		greeting: 'Bonjour,',
		paragraphs: [
			usernames.length === 1
				? `Votre identifiant de connexion au portail citoyen est : ${usernames[0]}`
				: `Vos identifiants de connexion au portail citoyen sont : ${usernames.join(', ')}`
		],
		action: { label: 'Me connecter', url: `${config.publicUrl}/connexion` },
		footnote: 'Si vous n’avez rien demandé, ignorez ce message.'
	});
}

export function passwordResetMail(config: Config, to: string, username: string, token: string): MailMessage {
	return renderMail(to, config.townName, {
		subject: 'Réinitialisation de votre mot de passe',
		greeting: 'Bonjour,',
		paragraphs: [
			`Une réinitialisation du mot de passe du compte « ${username} » a été demandée.`,
			'Pour choisir un nouveau mot de passe, suivez ce lien :'
		],
		action: { label: 'Choisir un nouveau mot de passe', url: link(config, '/mot-de-passe/nouveau', token) },
		footnote:
			'Ce lien est valable une heure et ne peut servir qu’une fois. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.'
	});
}

export function emailChangeMail(config: Config, to: string, token: string): MailMessage {
	return renderMail(to, config.townName, {
		subject: 'Confirmez votre nouvelle adresse électronique',
		greeting: 'Bonjour,',
		paragraphs: [
			'Vous avez demandé à utiliser cette adresse pour votre compte citoyen.',
			'Rien ne change tant que vous n’avez pas confirmé en suivant ce lien :'
		],
		action: { label: 'Confirmer cette adresse', url: link(config, '/profil/confirmer-courriel', token) },
		footnote: 'Ce lien est valable 72 heures. Si vous n’avez rien demandé, ignorez ce message.'
	});
}

export function emailChangeNoticeMail(config: Config, to: string, newEmail: string): MailMessage {
	return renderMail(to, config.townName, {
		subject: 'Changement d’adresse électronique demandé',
		greeting: 'Bonjour,',
		paragraphs: [
			`Un changement de l’adresse électronique de votre compte citoyen vers ${newEmail} a été demandé.`,
			'Il ne prendra effet qu’après confirmation depuis la nouvelle adresse. Si vous n’êtes pas à l’origine de cette demande, changez votre mot de passe et prévenez la mairie.'
		]
	});
}

/**
 * To an address another account asked to use while it is already an account's: says nothing of
 * who asked, and changes nothing.
 */
export function emailAlreadyUsedMail(config: Config, to: string): MailMessage {
	return renderMail(to, config.townName, {
		subject: 'Votre adresse électronique est déjà utilisée',
		greeting: 'Bonjour,',
		paragraphs: [
			'Sur le portail citoyen, un compte a demandé à utiliser cette adresse électronique. Elle est déjà celle d’un compte et ne peut servir qu’à un seul : rien n’a été changé.',
			'Si la demande vient de vous, vous avez déjà un compte avec cette adresse : connectez-vous avec elle, ou utilisez « Mot de passe / identifiant perdu ? » sur la page de connexion. Sinon, vous n’avez rien à faire.'
		],
		action: { label: 'Me connecter', url: `${config.publicUrl}/connexion` }
	});
}
