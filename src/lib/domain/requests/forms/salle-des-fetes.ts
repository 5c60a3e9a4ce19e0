import { z } from 'zod';
import type { FormDefinition } from '../form-definition.ts';
import { frenchDate, phoneLabel } from '../recap.ts';
import { EVENT_TYPE_LABELS, EVENT_TYPES } from './event-types.ts';
import { bestPhone, signedInName } from './from-profile.ts';
import {
	dateWithin,
	emptyAsNull,
	formSchema,
	isoDate,
	onceParsed,
	optionalText,
	phone,
	text,
	wholeNumber
} from './fields.ts';
import { daysFromTo, HALL_CAPACITY, HALL_MAX_DAYS, hallWindow, tooFar, tooSoon } from './hall-rules.ts';
import { documentNeeds, justificatifsRecap, justificatifsStep } from './justificatifs.ts';
import { emailSchema } from '../../accounts/identity.ts';
import { addDays } from '../../agenda/dates.ts';

const HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;
const hour = z
	.string({ error: 'Ce champ est obligatoire.' })
	.max(5, { message: 'Heure invalide (exemple : 14:00).', abort: true })
	.regex(HOUR, 'Heure invalide (exemple : 14:00).');

const reservationStep = (today: string) => {
	const { earliest, latest } = hallWindow(today);
	const window = dateWithin(
		{ day: earliest, message: tooSoon(earliest) },
		{ day: latest, message: tooFar(latest) }
	);
	return z
		.object({
			dateDebut: window,
			// Empty: the same day.
			dateFin: emptyAsNull(isoDate),
			heureDebut: hour,
			heureFin: hour,
			typeEvenement: z.enum(EVENT_TYPES, { error: 'Choisissez le type d’événement dans la liste.' }),
			precisions: optionalText(300),
			nombrePersonnes: wholeNumber(
				1,
				HALL_CAPACITY,
				`Entre 1 et ${HALL_CAPACITY} personnes (la capacité de la salle).`
			)
		})
		.transform((r) => ({ ...r, dateFin: r.dateFin || r.dateDebut }))
		.superRefine(
			(r, ctx) => {
				const issue = (path: string, message: string) =>
					ctx.addIssue({ code: 'custom', path: [path], message });
				if (r.dateFin < r.dateDebut)
					issue('dateFin', 'La date de fin ne peut pas précéder la date de début.');
				else if (r.dateFin > addDays(r.dateDebut, HALL_MAX_DAYS - 1))
					issue('dateFin', `La salle se loue ${HALL_MAX_DAYS} jours consécutifs au plus.`);
				else if (r.dateFin > latest) issue('dateFin', tooFar(latest));
				if (r.typeEvenement === 'autre' && !r.precisions)
					issue('precisions', 'Précisez le type d’événement.');
				if (r.dateFin === r.dateDebut && r.heureFin <= r.heureDebut)
					issue('heureFin', 'L’heure de fin doit être après l’heure de début.');
			},
			onceParsed('dateDebut', 'dateFin', 'heureDebut', 'heureFin', 'typeEvenement', 'precisions')
		);
};

const contactStep = () => z.object({ nom: text(120), telephone: phone, email: emailSchema });

export const SALLE_DOCUMENTS = ['assurance-rc'] as const;
const justificatifs = () => justificatifsStep(SALLE_DOCUMENTS);

export const salleDesFetesSchema = (today: string) =>
	formSchema({ reservation: reservationStep(today), contact: contactStep(), justificatifs: justificatifs() });
export type SalleDesFetes = z.output<ReturnType<typeof salleDesFetesSchema>>;

/** "Location de la salle des fêtes": it reserves nothing until the town accepts it. */
export const salleDesFetes: FormDefinition<SalleDesFetes> = {
	code: 'salle-des-fetes',
	steps: [
		{ id: 'reservation', label: 'Réservation', schema: reservationStep },
		{ id: 'contact', label: 'Contact', schema: contactStep },
		{ id: 'justificatifs', label: 'Justificatifs', schema: justificatifs }
	],
	submitSchema: salleDesFetesSchema,
	prefill: (profile) => ({
		contact: { nom: signedInName(profile), telephone: bestPhone(profile), email: profile.email }
	}),
	recap: ({ reservation: r, contact: c, justificatifs: j }) => [
		{
			stepId: 'reservation',
			title: 'Réservation',
			rows: [
				{
					label: r.dateFin === r.dateDebut ? 'Date' : 'Dates',
					value:
						r.dateFin === r.dateDebut
							? frenchDate(r.dateDebut)
							: `du ${frenchDate(r.dateDebut)} au ${frenchDate(r.dateFin)}`
				},
				{
					label: 'Horaires',
					value: `de ${r.heureDebut.replace(':', 'h')} à ${r.heureFin.replace(':', 'h')}`
				},
				{ label: 'Type d’événement', value: EVENT_TYPE_LABELS[r.typeEvenement] },
				...(r.precisions ? [{ label: 'Précisions', value: r.precisions }] : []),
				{ label: 'Nombre de personnes', value: String(r.nombrePersonnes) }
			]
		},
		{
			stepId: 'contact',
			title: 'Contact',
			rows: [
				{ label: 'Nom', value: c.nom },
				{ label: 'Téléphone', value: phoneLabel(c.telephone) },
				{ label: 'Courriel', value: c.email }
			]
		},
		justificatifsRecap(j, SALLE_DOCUMENTS)
	],
	personConcerned: ({ contact }) => ({ personId: null, label: contact.nom }),
	documents: ({ justificatifs: j }) => documentNeeds(j, {}, SALLE_DOCUMENTS),
	hallDays: ({ reservation: r }) => daysFromTo(r.dateDebut, r.dateFin),
	hallDaysField: 'reservation.dateDebut'
};
