/**
 * The démarches this version of the portal lets a citizen do online: the agenda books the canteen
 * and the garderie, "Mon profil" changes contact details, the request engine sends a fiche enfant,
 * a message to the town hall or a request for the salle des fêtes (its form's steps in src/lib/components/requests/forms). The town
 * lists others (its catalogue says what it offers); they are marked "Bientôt en ligne" until
 * their form's steps are built.
 */
const ONLINE_PROCEDURES: ReadonlySet<string> = new Set([
	'reservation-cantine',
	'reservation-garderie',
	'mise-a-jour-informations',
	'fiche-enfant',
	'contacter-la-mairie',
	'location-salle-des-fetes'
]);

/**
 * Of those, the ones done online in part only: "Mettre à jour mes informations" is phones,
 * addresses, e-mail and social data in "Mon profil" today; its request for civil data and
 * filiation, which the town hall checks, opens later. Said "En partie en ligne", never as done.
 */
const PARTLY_ONLINE: ReadonlySet<string> = new Set(['mise-a-jour-informations']);

export function opensOnline(slug: string): boolean {
	return ONLINE_PROCEDURES.has(slug);
}

export type Availability = 'en-ligne' | 'en-partie' | 'bientot';

export const AVAILABILITY_LABELS: Record<Exclude<Availability, 'en-ligne'>, string> = {
	'en-partie': 'En partie en ligne',
	bientot: 'Bientôt en ligne'
};

/** What the card and the page of a démarche say of it (`online` as the catalogue answers it). */
export function availability(procedure: { slug: string; online?: boolean | undefined }): Availability {
	if (procedure.online === false) return 'bientot';
	return PARTLY_ONLINE.has(procedure.slug) ? 'en-partie' : 'en-ligne';
}
