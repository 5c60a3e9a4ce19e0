import { DOCUMENT_TYPE_LABELS, type DocumentTypeCode } from '../documents/document-types.ts';
import type { FormCode } from './form-codes.ts';

/**
 * A téléprocédure's page (the catalogue's slug, server/seed/town-catalog.ts): its description,
 * the justificatifs it asks for, the CGU to accept, and the forms "Faire une demande en ligne"
 * opens. Réservation Cantine / Garderie open no form: they lead to the agenda.
 */
export type ProcedurePage = {
	description: readonly string[];
	documents: readonly DocumentTypeCode[];
	forms: readonly FormCode[];
};

/** The portal's conditions of use for a demande, short: what is kept, by whom, how long, your rights. */
export const PROCEDURE_CGU: readonly string[] = [
	'Les informations et les justificatifs que vous transmettez par ce formulaire sont traités par la mairie de Hesdigneul-lès-Boulogne, responsable du traitement, pour instruire votre demande et, s’il y a lieu, mettre à jour votre dossier famille. Seuls les agents municipaux chargés de la démarche y ont accès ; rien n’est transmis à des tiers, sauf obligation légale.',
	'Votre demande et son historique sont conservés tant que votre compte est actif, puis trois ans après votre dernière démarche. Un justificatif est conservé jusqu’à la fin de sa validité, un brouillon jusqu’à ce que vous le supprimiez.',
	'Conformément au règlement général sur la protection des données (RGPD) et à la loi Informatique et libertés, vous pouvez accéder à vos données, les faire rectifier ou effacer, et vous opposer à leur traitement ou en demander la limitation, en écrivant à la mairie ou par « Contacter la mairie ». Vous pouvez aussi adresser une réclamation à la CNIL (www.cnil.fr).'
];
export const CGU_ACCEPT_LABEL = 'J’ai lu et j’accepte les conditions générales d’utilisation';

export const PROCEDURE_PAGES: Record<string, ProcedurePage> = {
	'fiche-enfant': {
		description: [
			'Pour pouvoir réserver le restaurant scolaire, la garderie ou le centre de loisirs pour votre enfant, il faut dans un premier temps renseigner la fiche enfant.',
			'Vous y indiquez les informations vous concernant ainsi que celles de votre conjoint si vous souhaitez en ajouter un, puis celles de l’enfant à inscrire, les autorisations que vous donnez et les personnes à contacter ou autorisées à venir chercher l’enfant. Chaque fiche enfant ne concerne qu’un seul enfant : pour inscrire un autre enfant, faites une nouvelle fiche.',
			'Les formulaires sont pré-remplis avec vos informations. Votre demande est enregistrée au fur et à mesure : vous pouvez l’interrompre et la reprendre plus tard, sur cet appareil ou un autre.',
			'Une fois votre dossier traité par l’agent, vous pourrez réserver vos jours de restauration scolaire dans l’agenda.'
		],
		documents: ['attestation-caf', 'justificatif-domicile', 'livret-famille', 'assurance-rc'],
		forms: ['fiche-enfant']
	},
	'contacter-la-mairie': {
		description: [
			'Vous avez une question, une suggestion ou un problème à signaler ? Écrivez à la mairie : votre message est transmis au service concerné, qui vous répond dans les meilleurs délais.',
			'Vous pouvez joindre un document à votre message (PDF, JPEG ou PNG, 10 Mo au plus).'
		],
		documents: [],
		forms: ['contact-mairie']
	},
	'location-salle-des-fetes': {
		description: [
			'La salle des fêtes accueille jusqu’à 200 personnes pour un événement familial ou associatif. Elle se loue d’un à trois jours consécutifs, au moins 15 jours et au plus 18 mois à l’avance.',
			'Les jours déjà réservés ou demandés sont indiqués comme indisponibles. Votre demande ne réserve rien tant que la mairie ne l’a pas acceptée : vous serez informé de sa décision dans Mes demandes.',
			'Une attestation d’assurance responsabilité civile vous sera demandée ; vous pouvez la fournir plus tard.'
		],
		documents: ['assurance-rc'],
		forms: ['salle-des-fetes']
	},
	'mise-a-jour-informations': {
		description: [
			'Vous avez déménagé, votre famille s’agrandit, ou une donnée de votre état civil est inexacte ? Signalez-le ici, avec le justificatif correspondant.',
			'Votre profil n’est modifié qu’une fois votre demande acceptée par un agent de la mairie.'
		],
		documents: ['justificatif-domicile', 'livret-famille'],
		forms: ['mise-a-jour-adresse', 'mise-a-jour-filiation', 'correction-etat-civil']
	},
	'reservation-cantine': {
		description: [
			'Réservez ou annulez les repas de midi de vos enfants sur l’agenda. La fiche enfant doit avoir été acceptée, avec l’inscription à la restauration scolaire, l’établissement et le niveau.'
		],
		documents: [],
		forms: []
	},
	'reservation-garderie': {
		description: [
			'Réservez ou annulez la garderie du matin et du soir sur l’agenda. La fiche enfant doit avoir été acceptée, avec l’inscription à la garderie.'
		],
		documents: [],
		forms: []
	}
};

/** The justificatifs a page lists, as the library names them. */
export const procedureDocumentLabels = (slug: string): string[] =>
	(PROCEDURE_PAGES[slug]?.documents ?? []).map((type) => DOCUMENT_TYPE_LABELS[type]);
