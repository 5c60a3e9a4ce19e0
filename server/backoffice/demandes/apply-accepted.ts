import type { FormCode } from '../../../src/lib/domain/requests/form-codes.ts';
import type { Db } from '../../db/database.ts';
import { applyCorrectionEtatCivil } from './apply/correction-etat-civil.ts';
import { applyFicheEnfant } from './apply/fiche-enfant.ts';
import { applyMiseAJourAdresse } from './apply/mise-a-jour-adresse.ts';
import { applyMiseAJourFiliation } from './apply/mise-a-jour-filiation.ts';
import { applySalleDesFetes } from './apply/salle-des-fetes.ts';

/** A demande being accepted, as the appliers read it: its answers parsed from data_json. */
export type AcceptedDemande = {
	id: number;
	number: number;
	householdId: number;
	formCode: FormCode;
	personId: number | null;
	personLabel: string | null;
	/** The answers as the form's submit schema parsed them at submission (requests-service.ts). */
	data: unknown;
};

/** What accepting changed, for the audit line's "after" and the agent's confirmation. */
export type AppliedChanges = {
	/** French lines: "Enfant DUPIN Léa ajouté au foyer", "Inscrit à : Restauration scolaire", … */
	changes: string[];
};

/**
 * "Accepter" applies the demande to the household, in the caller's transaction, the one that
 * also moves the status to Clos (server/backoffice/demandes): both commit or neither does.
 * Throws an AppError (409) when it cannot apply (the salle's date already booked, the person or the
 * address it names gone), which rolls the status change back with it.
 */
export async function applyAcceptedDemande(
	trx: Db,
	now: Date,
	demande: AcceptedDemande,
	agentAccountId: number
): Promise<AppliedChanges> {
	switch (demande.formCode) {
		case 'fiche-enfant':
			return applyFicheEnfant(trx, now, demande, agentAccountId);
		case 'salle-des-fetes':
			return applySalleDesFetes(trx, demande);
		// A message to the town: accepting it says it was handled, and changes no data.
		case 'contact-mairie':
			return { changes: [] };
		case 'mise-a-jour-adresse':
			return applyMiseAJourAdresse(trx, now, demande);
		case 'mise-a-jour-filiation':
			return applyMiseAJourFiliation(trx, now, demande);
		case 'correction-etat-civil':
			return applyCorrectionEtatCivil(trx, demande);
	}
}
