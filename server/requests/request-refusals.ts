import { formatParisDateTimeSeconds } from '../../src/lib/domain/agenda/paris-time.ts';
import {
	DEMANDE_INVALID,
	DRAFT_CONFLICT,
	MAX_DEMANDES_PER_DAY,
	MAX_DRAFTS,
	MAX_OPEN_DEMANDES,
	MAX_OPEN_HALL_DEMANDES
} from '../../src/lib/domain/requests/mutations.ts';
import type { DemandeAck, DraftConflict } from '../../src/lib/domain/requests/mutations.ts';
import { STATUS_LABELS, type DemandeStatusCode } from '../../src/lib/domain/requests/status.ts';

/**
 * What a demande mutation decides, in the words the parent reads: applied (with the town's number
 * for a save or a submission), or refused with a French reason, the fields to correct or the
 * other device's version to choose from.
 */
export type DemandeOutcome =
	| { ok: true; demande?: DemandeAck }
	| {
			ok: false;
			code: string;
			reason: string;
			fields?: Record<string, string>;
			conflict?: DraftConflict;
	  };

export const NOT_EDITABLE = 'non-modifiable';
export const TOO_MANY_DRAFTS = 'trop-de-brouillons';
export const HALL_DAY_TAKEN = 'salle-indisponible';
export const TOO_MANY_TODAY = 'trop-de-demandes-aujourd-hui';
export const TOO_MANY_OPEN = 'trop-de-demandes-en-attente';
export const UNKNOWN_FORM = 'formulaire-indisponible';

const refuse = (code: string, reason: string) => ({ ok: false, code, reason }) as const;
const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'UTC' });

/** Unknown, or another household's: answered alike, so an id reveals nothing. */
export const notFound = () => refuse('introuvable', "Cette demande n'existe pas ou plus.");

export const notEditable = (status: DemandeStatusCode) =>
	refuse(
		NOT_EDITABLE,
		`Cette demande est « ${STATUS_LABELS[status]} » : elle ne peut plus être modifiée ni envoyée.`
	);

export const notADraft = (status: DemandeStatusCode) =>
	refuse(
		NOT_EDITABLE,
		`Seul un brouillon peut être supprimé : cette demande est « ${STATUS_LABELS[status]} ».`
	);

export const tooManyDrafts = () =>
	refuse(
		TOO_MANY_DRAFTS,
		`Votre foyer a déjà ${MAX_DRAFTS} brouillons : envoyez ou supprimez-en un dans Mes demandes avant d'en commencer un autre.`
	);

export const tooManyToday = () =>
	refuse(
		TOO_MANY_TODAY,
		`Votre foyer a déjà commencé ${MAX_DEMANDES_PER_DAY} demandes aujourd'hui : vous pourrez en commencer d'autres demain, ou continuer un brouillon dans Mes demandes.`
	);

export const tooManyOpen = () =>
	refuse(
		TOO_MANY_OPEN,
		`Votre foyer a déjà ${MAX_OPEN_DEMANDES} demandes en attente de réponse de la mairie : vous pourrez en envoyer d'autres quand elles auront été traitées.`
	);

export const tooManyOpenHall = () =>
	refuse(
		TOO_MANY_OPEN,
		`Vous avez déjà ${MAX_OPEN_HALL_DEMANDES} demandes de location de la salle des fêtes en attente de réponse : attendez la décision de la mairie avant d'en envoyer une autre.`
	);

export const unknownForm = () =>
	refuse(UNKNOWN_FORM, "Ce formulaire n'est pas encore disponible en ligne : contactez la mairie.");

/** Another device saved since this one's base: both versions' times, for the parent to choose. */
export function draftConflict(
	stored: { revision: number; updatedAt: string },
	savedAt: string
): DemandeOutcome {
	const theirs = formatParisDateTimeSeconds(new Date(stored.updatedAt));
	const mine = formatParisDateTimeSeconds(new Date(savedAt));
	return {
		ok: false,
		code: DRAFT_CONFLICT,
		reason:
			`Ce brouillon a été enregistré sur un autre appareil le ${theirs} ; la version de cet appareil ` +
			`date du ${mine}. Choisissez la version à garder.`,
		conflict: { revision: stored.revision, updatedAt: stored.updatedAt }
	};
}

export const invalidAnswers = (fields: Record<string, string>): DemandeOutcome => ({
	ok: false,
	code: DEMANDE_INVALID,
	reason: "La demande n'a pas été envoyée : certaines réponses sont à corriger.",
	fields
});

export const hallDayTaken = (days: string[]) =>
	refuse(
		HALL_DAY_TAKEN,
		days.length === 1
			? `La salle des fêtes est déjà demandée ou réservée le ${day.format(new Date(days[0] ?? ''))} : choisissez une autre date.`
			: `La salle des fêtes est déjà demandée ou réservée les ${days.map((d) => day.format(new Date(d))).join(', ')} : choisissez d'autres dates.`
	);

export const hallDayOutOfRange = (first: string, last: string) =>
	refuse(
		HALL_DAY_TAKEN,
		`La salle des fêtes se demande pour une date du ${day.format(new Date(first))} au ${day.format(new Date(last))}.`
	);

export const tooManyHallDays = (max: number) =>
	refuse(HALL_DAY_TAKEN, `Une demande de la salle des fêtes porte sur ${max} jours au plus.`);
