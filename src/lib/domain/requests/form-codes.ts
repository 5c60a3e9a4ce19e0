/**
 * The forms a family fills in, and what Mes demandes calls each ("Type"). A téléprocédure of the
 * catalogue opens one form, or several (Mettre à jour mes informations: the address, a
 * filiation, the civil data), each its own kind of demande.
 */
export const FORM_CODES = [
	'fiche-enfant',
	'contact-mairie',
	'salle-des-fetes',
	'mise-a-jour-adresse',
	'mise-a-jour-filiation',
	'correction-etat-civil'
] as const;
export type FormCode = (typeof FORM_CODES)[number];

/** The manual's "Type" column. */
export const FORM_TYPE_LABELS: Record<FormCode, string> = {
	'fiche-enfant': 'Fiche enfant',
	'contact-mairie': 'Contacter la mairie',
	'salle-des-fetes': 'Location de la salle des fêtes : Réservation salles des fêtes',
	'mise-a-jour-adresse': "Mise à jour des données d'adresse",
	'mise-a-jour-filiation': "Mise à jour d'une filiation",
	'correction-etat-civil': "Correction de données d'état civil"
};

/** The catalogue's téléprocédure (its slug) each form belongs to. */
export const FORM_PROCEDURE: Record<FormCode, string> = {
	'fiche-enfant': 'fiche-enfant',
	'contact-mairie': 'contacter-la-mairie',
	'salle-des-fetes': 'location-salle-des-fetes',
	'mise-a-jour-adresse': 'mise-a-jour-informations',
	'mise-a-jour-filiation': 'mise-a-jour-informations',
	'correction-etat-civil': 'mise-a-jour-informations'
};
