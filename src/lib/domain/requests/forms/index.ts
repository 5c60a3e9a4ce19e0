import type { FormCode } from '../form-codes.ts';
import type { FormDefinition } from '../form-definition.ts';
import { contactMairie } from './contact-mairie.ts';
import { correctionEtatCivil } from './correction-etat-civil.ts';
import { ficheEnfant } from './fiche-enfant.ts';
import { miseAJourAdresse } from './mise-a-jour-adresse.ts';
import { miseAJourFiliation } from './mise-a-jour-filiation.ts';
import { salleDesFetes } from './salle-des-fetes.ts';

/** Every form, by its code: what the pages show and check, and what the server accepts. */
export const FORMS: Record<FormCode, FormDefinition> = {
	'fiche-enfant': ficheEnfant,
	'contact-mairie': contactMairie,
	'salle-des-fetes': salleDesFetes,
	'mise-a-jour-adresse': miseAJourAdresse,
	'mise-a-jour-filiation': miseAJourFiliation,
	'correction-etat-civil': correctionEtatCivil
};
