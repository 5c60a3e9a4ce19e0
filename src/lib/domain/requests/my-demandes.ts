import { parisDate } from '../agenda/paris-time.ts';
import { FORM_TYPE_LABELS, type FormCode } from './form-codes.ts';
import { editableByFamily, isDone, STATUS_LABELS, type DemandeStatusCode } from './status.ts';

/**
 * "Mes demandes" (the manual §3.4): the household's demandes as the server last listed them, plus
 * what is still only on this device: a draft never sent (no number yet), a sending waiting for the
 * network ("En attente d'envoi"), a deletion not yet made on the server (no longer listed).
 */

/** A demande as the requests pull lists it (the fields this list needs). */
export type ListedDemande = {
	id: string;
	number: number;
	formCode: FormCode;
	status: DemandeStatusCode;
	personLabel: string | null;
	updatedAt: string;
	submittedAt: string | null;
};

/** A draft of this device. */
export type DeviceDraft = {
	id: string;
	formCode: FormCode;
	number?: number | undefined;
	savedAt: string;
	state: 'editing' | 'envoi-en-attente';
	data: Record<string, unknown>;
};

/** An outbox item (a change not yet answered by the server). */
export type WaitingChange = { kind: string; payload: unknown };

export const WAITING_LABEL = "En attente d'envoi";

export type DemandeRow = {
	id: string;
	/** Null for a draft the server has not numbered yet. */
	number: number | null;
	formCode: FormCode;
	type: string;
	/** The Paris day: sent on, or last changed (a draft). */
	day: string;
	person: string;
	status: DemandeStatusCode;
	/** The sending waits on this device: shown instead of the status. */
	waiting: boolean;
	statusLabel: string;
	/** What the Action column offers. */
	canContinue: boolean;
	canDelete: boolean;
};

export type MyDemandes = { enCours: DemandeRow[]; effectuees: DemandeRow[] };

const demandeIdOf = (change: WaitingChange): string | undefined =>
	(change.payload as { demandeId?: unknown } | null)?.demandeId as string | undefined;

export function myDemandes(
	listed: readonly ListedDemande[],
	drafts: readonly DeviceDraft[],
	outbox: readonly WaitingChange[],
	personOf: (formCode: FormCode, data: Record<string, unknown>) => string | null
): MyDemandes {
	const deleting = new Set(outbox.filter((c) => c.kind === 'demande.delete.v1').map(demandeIdOf));
	const sending = new Set(outbox.filter((c) => c.kind === 'demande.submit.v1').map(demandeIdOf));
	const local = new Map(drafts.map((d) => [d.id, d]));
	const rows: DemandeRow[] = [];
	const row = (base: Omit<DemandeRow, 'type' | 'statusLabel' | 'canContinue' | 'canDelete'>): DemandeRow => ({
		...base,
		type: FORM_TYPE_LABELS[base.formCode],
		statusLabel: base.waiting ? WAITING_LABEL : STATUS_LABELS[base.status],
		canContinue: !base.waiting && editableByFamily(base.status),
		canDelete: !base.waiting && base.status === 'brouillon'
	});
	for (const demande of listed) {
		if (deleting.has(demande.id)) continue;
		const draft = local.get(demande.id);
		const editable = editableByFamily(demande.status);
		const waiting = editable && (sending.has(demande.id) || draft?.state === 'envoi-en-attente');
		const changedAt =
			draft && editable && draft.savedAt > demande.updatedAt ? draft.savedAt : demande.updatedAt;
		rows.push(
			row({
				id: demande.id,
				number: demande.number,
				formCode: demande.formCode,
				day: parisDate(new Date(demande.submittedAt && !editable ? demande.submittedAt : changedAt)),
				person: demande.personLabel ?? (draft ? personOf(draft.formCode, draft.data) : null) ?? '',
				status: demande.status,
				waiting
			})
		);
	}
	const known = new Set(listed.map((d) => d.id));
	for (const draft of drafts) {
		if (known.has(draft.id) || deleting.has(draft.id)) continue;
		rows.push(
			row({
				id: draft.id,
				number: draft.number ?? null,
				formCode: draft.formCode,
				day: parisDate(new Date(draft.savedAt)),
				person: personOf(draft.formCode, draft.data) ?? '',
				status: 'brouillon',
				waiting: draft.state === 'envoi-en-attente' || sending.has(draft.id)
			})
		);
	}
	const sorted = sortByNumber(rows, 'desc');
	return {
		enCours: sorted.filter((r) => !isDone(r.status)),
		effectuees: sorted.filter((r) => isDone(r.status))
	};
}

/**
 * The Numéro column's order. Drafts not numbered yet come first (the newest work), newest first
 * among them, whichever the direction.
 */
export function sortByNumber(rows: readonly DemandeRow[], direction: 'asc' | 'desc'): DemandeRow[] {
	const sign = direction === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		if (a.number === null || b.number === null) {
			if (a.number !== null) return 1;
			if (b.number !== null) return -1;
			return b.day.localeCompare(a.day);
		}
		return sign * (a.number - b.number);
	});
}
