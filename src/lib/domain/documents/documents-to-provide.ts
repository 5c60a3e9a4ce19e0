import type { DemandeView, NeedStatus } from '../requests/snapshot.ts';
import { FORM_TYPE_LABELS } from '../requests/form-codes.ts';
import { DOCUMENT_TYPE_LABELS, type DocumentTypeCode } from './document-types.ts';
import type { DocumentView } from './document-view.ts';
import { lineKey } from './provide-line.ts';

/** Mes justificatifs à fournir's statuses: the manual's three, and one given not yet decided. */
export type ToProvideStatus = 'non-fourni' | 'a-valider' | 'valide' | 'invalide';

/** What each status means, as the manual (§3.1) says it: shown as text, colour never alone. */
export const TO_PROVIDE_LABELS: Record<ToProvideStatus, { label: string; meaning: string }> = {
	valide: { label: 'Valide', meaning: 'Toutes les pièces justificatives sont validées par un agent.' },
	invalide: {
		label: 'Invalide',
		meaning: 'Votre pièce a été traitée par un agent et refusée. Il vous faudra donc en fournir une.'
	},
	'non-fourni': { label: 'Non fourni', meaning: 'Ce justificatif n’a pas encore été fourni.' },
	'a-valider': { label: 'À valider', meaning: 'Vous l’avez fourni ; un agent doit encore le vérifier.' }
};

/** One line: a (type, person) some open demandes wait for, and where it stands. */
export type DocumentToProvide = {
	key: string;
	type: DocumentTypeCode;
	personId: number | null;
	personLabel: string | null;
	/** "Attestation CAF de MARINELLI SONIA". */
	title: string;
	status: ToProvideStatus;
	/** The document the status is of (null: none given), and when it was sent. */
	documentId: string | null;
	providedAt: string | null;
	reason: string | null;
	expiresOn: string | null;
	/** "Fiche enfant : 36", one per open demande needing it, by number. */
	demandes: { id: string; label: string }[];
};

/** Sent, taken or sent back: the town still waits for its justificatifs. */
const OPEN = new Set<DemandeView['status']>(['envoyee', 'en-cours', 'complement']);
/**
 * A Clos demande whose justificatif the town refused still asks for another one (the refusal's
 * message says so), until a new one is given and found valid.
 */
const STILL_ASKED = new Set<NeedStatus>(['invalide', 'a-valider']);

const usable = (doc: DocumentView, today: string) =>
	doc.status === 'valide' && (doc.expiresOn === null || doc.expiresOn >= today);

/** "Location de la salle des fêtes : 52": the form's label before its own detail, then the number. */
function demandeLabel(d: DemandeView): string {
	const label = FORM_TYPE_LABELS[d.formCode].split(' : ')[0];
	return `${label} : ${d.number}`;
}

/**
 * Mes justificatifs à fournir, from the requests resource kept offline: every (type, person) an
 * open demande needs (or a Clos one whose justificatif was refused), once, with the demandes
 * waiting for it. Its status is the newest document
 * given for it (or on file for that type and person, still valid: reused, nothing to send), else
 * Non fourni. A valid document past its expiry counts as not given.
 */
export function documentsToProvide(
	demandes: readonly DemandeView[],
	documents: readonly DocumentView[],
	today: string
): DocumentToProvide[] {
	const lines = new Map<string, DocumentToProvide>();
	/** The documents the demandes themselves were given for each line, whoever they name. */
	const given = new Map<string, Set<string>>();
	const open = demandes
		.filter((d) => OPEN.has(d.status) || d.status === 'clos')
		.sort((a, b) => a.number - b.number);
	for (const demande of open) {
		for (const need of demande.needs) {
			if (!OPEN.has(demande.status) && !STILL_ASKED.has(need.status)) continue;
			// A message's pièce jointe is given with it, never asked for nor validated.
			if (need.type === 'piece-jointe') continue;
			const key = lineKey(need.type, need.personId, need.personLabel);
			let line = lines.get(key);
			if (!line) {
				const label = DOCUMENT_TYPE_LABELS[need.type];
				line = {
					key,
					type: need.type,
					personId: need.personId,
					personLabel: need.personLabel,
					title: need.personLabel ? `${label} de ${need.personLabel}` : label,
					status: 'non-fourni',
					documentId: null,
					providedAt: null,
					reason: null,
					expiresOn: null,
					demandes: []
				};
				lines.set(key, line);
			}
			line.demandes.push({ id: demande.id, label: demandeLabel(demande) });
			if (need.documentId) given.set(key, (given.get(key) ?? new Set()).add(need.documentId));
		}
	}
	for (const line of lines.values()) {
		const candidates = documents
			.filter(
				(d) =>
					given.get(line.key)?.has(d.id) ||
					(d.type === line.type &&
						(line.personId !== null
							? d.personId === line.personId
							: d.personId === null && (line.personLabel === null || d.personLabel === line.personLabel)))
			)
			.filter((d) => d.status !== 'valide' || usable(d, today));
		const newest = [...candidates].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt))[0];
		if (!newest) continue;
		line.status = newest.status;
		line.documentId = newest.id;
		line.providedAt = newest.uploadedAt;
		line.reason = newest.status === 'invalide' ? newest.reason : null;
		line.expiresOn = newest.status === 'valide' ? newest.expiresOn : null;
	}
	return [...lines.values()];
}
