import type { DocumentTypeCode } from '../../documents/document-types.ts';
import type { FormCode } from '../form-codes.ts';
import { ETAT_CIVIL_DOCUMENTS } from './correction-etat-civil.ts';
import { FICHE_ENFANT_DOCUMENTS } from './fiche-enfant-schema.ts';
import { ADRESSE_DOCUMENTS } from './mise-a-jour-adresse.ts';
import { FILIATION_DOCUMENTS } from './mise-a-jour-filiation.ts';
import { SALLE_DOCUMENTS } from './salle-des-fetes.ts';

/** The justificatifs each form's "Justificatifs" step asks for (a message's attachment is not one). */
export const FORM_DOCUMENTS: Record<FormCode, readonly DocumentTypeCode[]> = {
	'fiche-enfant': FICHE_ENFANT_DOCUMENTS,
	'contact-mairie': [],
	'salle-des-fetes': SALLE_DOCUMENTS,
	'mise-a-jour-adresse': ADRESSE_DOCUMENTS,
	'mise-a-jour-filiation': FILIATION_DOCUMENTS,
	'correction-etat-civil': ETAT_CIVIL_DOCUMENTS
};
