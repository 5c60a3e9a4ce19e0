/**
 * The démarches this version of the portal lets a citizen do online: the agenda books the canteen
 * and the garderie, "Mon profil" changes contact details. The town lists others (its catalogue
 * says what it offers); they are marked "Bientôt en ligne" until their form is built.
 */
const ONLINE_PROCEDURES: ReadonlySet<string> = new Set([
	'reservation-cantine',
	'reservation-garderie',
	'mise-a-jour-informations'
]);

export function opensOnline(slug: string): boolean {
	return ONLINE_PROCEDURES.has(slug);
}
