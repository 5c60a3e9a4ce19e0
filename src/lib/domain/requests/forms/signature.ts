import { z } from 'zod';
import { frenchDate, type RecapSection } from '../recap.ts';
import { dateWithin, text } from './fields.ts';

export const ATTESTATION_TEXT =
	"J'atteste sur l'honneur l'exactitude des informations fournies dans cette demande.";

/** The "Signature" step: the attestation ticked, a name, and the day of signing (not a later one). */
export const signatureStep = (today: string) =>
	z.object({
		attestation: z.literal(true, { error: "Cochez l'attestation sur l'honneur pour signer la demande." }),
		nom: text(120),
		date: dateWithin(null, { day: today, message: 'La date de signature ne peut pas être dans le futur.' })
	});
export type SignatureAnswers = z.output<ReturnType<typeof signatureStep>>;

export const signatureRecap = (s: SignatureAnswers): RecapSection => ({
	stepId: 'signature',
	title: 'Signature',
	rows: [
		{ label: 'Attestation sur l’honneur', value: 'Oui' },
		{ label: 'Nom', value: s.nom },
		{ label: 'Date', value: frenchDate(s.date) }
	]
});
