/**
 * The manual's dates are typed as day / month / year (DateField); the forms' schemas read a
 * `YYYY-MM-DD` day. A date half typed stays half typed ("2010-02-"), so the schema says it is
 * invalid rather than the field looking empty; nothing typed is an empty answer.
 */
export type DateParts = { jour: string; mois: string; annee: string };

const pad = (part: string) => (part.length === 1 ? `0${part}` : part);

export function isoOfParts(parts: DateParts): string {
	const jour = parts.jour.trim();
	const mois = parts.mois.trim();
	const annee = parts.annee.trim();
	if (!jour && !mois && !annee) return '';
	return `${annee}-${pad(mois)}-${pad(jour)}`;
}

export function partsOfIso(iso: string | null | undefined): DateParts {
	const match = /^(\d{0,4})-(\d{0,2})-(\d{0,2})$/.exec(iso ?? '');
	return match ? { annee: match[1]!, mois: match[2]!, jour: match[3]! } : { jour: '', mois: '', annee: '' };
}
