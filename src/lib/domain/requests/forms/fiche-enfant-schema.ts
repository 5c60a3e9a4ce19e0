import { z } from 'zod';
import type { DocumentTypeCode } from '../../documents/document-types.ts';
import {
	autorisationsStep,
	autresPersonnesStep,
	conjointStep,
	enfantStep,
	responsableStep
} from './fiche-enfant-steps.ts';
import { formSchema } from './fields.ts';
import { justificatifsStep } from './justificatifs.ts';
import { newPersonLabel } from './new-person.ts';
import { signatureStep } from './signature.ts';

/** What a fiche enfant asks for: the family's CAF and address proofs, the child's livret and insurance. */
export const FICHE_ENFANT_DOCUMENTS: readonly DocumentTypeCode[] = [
	'attestation-caf',
	'justificatif-domicile',
	'livret-famille',
	'assurance-rc'
];

export const ficheEnfantSchema = (today: string) =>
	formSchema({
		responsable: responsableStep(),
		conjoint: conjointStep(today),
		enfant: enfantStep(today),
		autorisations: autorisationsStep(),
		'autres-personnes': autresPersonnesStep(),
		justificatifs: justificatifsStep(FICHE_ENFANT_DOCUMENTS),
		signature: signatureStep(today)
	}).superRefine((f, ctx) => {
		if (f.conjoint.ajouter === 'oui' && f.conjoint.personId === f.responsable.responsable.personId)
			ctx.addIssue({
				code: 'custom',
				path: ['conjoint', 'personId'],
				message: 'Le conjoint ne peut pas être le responsable du dossier.'
			});
	});
export type FicheEnfant = z.output<ReturnType<typeof ficheEnfantSchema>>;

export const childOf = (f: FicheEnfant): { personId: number | null; label: string } =>
	f.enfant.enfant
		? { personId: f.enfant.enfant.personId, label: f.enfant.enfant.label }
		: { personId: null, label: newPersonLabel(f.enfant.nouvelEnfant!) };
