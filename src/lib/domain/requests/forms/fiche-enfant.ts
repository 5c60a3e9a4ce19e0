import type { FormDefinition } from '../form-definition.ts';
import {
	autorisationsStep,
	autresPersonnesStep,
	conjointStep,
	enfantStep,
	responsableStep
} from './fiche-enfant-steps.ts';
import { ficheEnfantRecap } from './fiche-enfant-recap.ts';
import { defaultAddressRef, memberLabel, signedInAdult, signedInName } from './from-profile.ts';
import { documentNeeds, justificatifsStep } from './justificatifs.ts';
import {
	childOf,
	FICHE_ENFANT_DOCUMENTS,
	ficheEnfantSchema,
	type FicheEnfant
} from './fiche-enfant-schema.ts';
import { signatureStep } from './signature.ts';

export const ficheEnfant: FormDefinition<FicheEnfant> = {
	code: 'fiche-enfant',
	steps: [
		{ id: 'responsable', label: 'Responsable du dossier', schema: responsableStep },
		{ id: 'conjoint', label: 'Conjoint', schema: conjointStep },
		{ id: 'enfant', label: 'Enfant', schema: enfantStep },
		{ id: 'autorisations', label: 'Autorisation globale', schema: autorisationsStep },
		{
			id: 'autres-personnes',
			label: 'Autres personnes à contacter et/ou autorisées à venir chercher l’enfant',
			schema: autresPersonnesStep
		},
		{ id: 'justificatifs', label: 'Justificatifs', schema: () => justificatifsStep(FICHE_ENFANT_DOCUMENTS) },
		{ id: 'signature', label: 'Signature', schema: signatureStep }
	],
	submitSchema: ficheEnfantSchema,
	prefill(profile, today) {
		const adult = signedInAdult(profile);
		return {
			responsable: {
				responsable: adult ? { personId: adult.id, label: memberLabel(adult) } : null,
				autreSituation: 'non',
				adresse: defaultAddressRef(profile)
			},
			signature: { attestation: false, nom: signedInName(profile), date: today }
		};
	},
	recap: ficheEnfantRecap,
	personConcerned: childOf,
	documents(f) {
		const child = childOf(f);
		const responsable = {
			personId: f.responsable.responsable.personId,
			personLabel: f.responsable.responsable.label
		};
		const forChild = { personId: child.personId, personLabel: child.label };
		return documentNeeds(
			f.justificatifs,
			{
				'attestation-caf': responsable,
				'justificatif-domicile': responsable,
				'livret-famille': forChild,
				'assurance-rc': forChild
			},
			FICHE_ENFANT_DOCUMENTS
		);
	}
};
