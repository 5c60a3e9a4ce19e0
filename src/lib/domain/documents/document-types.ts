/**
 * The justificatifs a demande may ask for (DESIGN §3), with how long a valid one stays valid
 * (proposed to the agent who validates it: a justificatif de domicile is "de moins de 3 mois").
 * 'piece-jointe' is a file joined to a message (Contacter la mairie): never validated nor reused.
 */
export const DOCUMENT_TYPES = [
	'attestation-caf',
	'justificatif-domicile',
	'livret-famille',
	'assurance-rc',
	'piece-jointe'
] as const;
export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentTypeCode, string> = {
	'attestation-caf': 'Attestation CAF',
	'justificatif-domicile': 'Justificatif de domicile de moins de 3 mois',
	'livret-famille': 'Livret de famille intégral ou acte de naissance',
	'assurance-rc': 'Assurance responsabilité civile',
	'piece-jointe': 'Pièce jointe'
};

/** Months a valid document stays valid; null: for good (a livret de famille). */
export const VALIDITY_MONTHS: Record<DocumentTypeCode, number | null> = {
	'attestation-caf': 12,
	'justificatif-domicile': 3,
	'livret-famille': null,
	'assurance-rc': 12,
	'piece-jointe': null
};

export const DOCUMENT_STATUSES = ['a-valider', 'valide', 'invalide'] as const;
export type DocumentStatusCode = (typeof DOCUMENT_STATUSES)[number];

/** The manual's words; "Non fourni" is a need with no document, not a status of a document. */
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatusCode | 'non-fourni', string> = {
	'a-valider': 'Fourni — à valider',
	valide: 'Valide',
	invalide: 'Invalide',
	'non-fourni': 'Non fourni'
};

/** What an upload may be (checked by its first bytes on the server, not by its name). */
export const UPLOAD_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
