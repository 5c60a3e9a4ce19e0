/**
 * The démarches this version of the portal lets a citizen do online: the agenda books the canteen
 * and the garderie, "Mon profil" changes contact details, the request engine sends a fiche enfant,
 * a message to the town hall, a request for the salle des fêtes or a change of address, filiation
 * or civil data (their forms' steps in src/lib/components/requests/forms). The town
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

export function opensOnline(slug: string): boolean {
	return ONLINE_PROCEDURES.has(slug);
}

export type Availability = 'en-ligne' | 'bientot';

export const AVAILABILITY_LABELS: Record<Exclude<Availability, 'en-ligne'>, string> = {
	bientot: 'Bientôt en ligne'
};

/** What the card and the page of a démarche say of it (`online` as the catalogue answers it). */
export function availability(procedure: { slug: string; online?: boolean | undefined }): Availability {
	return procedure.online === false ? 'bientot' : 'en-ligne';
}
