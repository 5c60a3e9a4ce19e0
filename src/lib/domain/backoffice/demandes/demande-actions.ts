import { z } from 'zod';
import { allowedText, NOT_ALLOWED, typedText } from '../../text/typed-text.ts';
import type { RecapSection } from '../../requests/recap.ts';
import type { DemandeView } from '../../requests/snapshot.ts';
import type { DemandeStatusCode } from '../../requests/status.ts';

export const MAX_ACTION_TEXT = 5000;

export const DEMANDE_CHANGED = 'demande_changed';
export const DEMANDE_CHANGED_MESSAGE = 'Cette demande a été modifiée entre-temps : rechargez-la.';

/** The agent's buttons on a demande, the status each leads to. */
export const DEMANDE_ACTIONS = ['prendre', 'accepter', 'refuser', 'complement'] as const;
export type DemandeAction = (typeof DEMANDE_ACTIONS)[number];

export const ACTION_TARGET: Record<DemandeAction, DemandeStatusCode> = {
	prendre: 'en-cours',
	accepter: 'clos',
	refuser: 'refusee',
	complement: 'complement'
};

export const ACTION_LABELS: Record<DemandeAction, string> = {
	prendre: 'Prendre en charge',
	accepter: 'Accepter',
	refuser: 'Refuser',
	complement: 'Demander un complément'
};

/** The subject of the message the family receives for each action. */
export const ACTION_SUBJECTS: Record<DemandeAction, string> = {
	prendre: 'Demande prise en charge',
	accepter: 'Demande acceptée',
	refuser: 'Demande refusée',
	complement: 'Complément demandé'
};

/** Refuser needs a reason, Demander un complément a message: both are what the family reads. */
export const NEEDS_TEXT: Record<DemandeAction, string | null> = {
	prendre: null,
	accepter: null,
	refuser: 'Indiquez le motif du refus.',
	complement: 'Indiquez ce que la famille doit compléter.'
};

const revision = z.int({ error: 'Version de la demande absente : rechargez-la.' }).positive().max(1e9);
const TOO_LONG = `Le texte tient en ${MAX_ACTION_TEXT} caractères.`;
const text = (required: string) => typedText(MAX_ACTION_TEXT, { required, tooLong: TOO_LONG });

export const actionBody = z.object({
	revision,
	// Required or not by the action (NEEDS_TEXT): checked with isVisible by the server.
	text: z
		.string()
		.max(MAX_ACTION_TEXT, TOO_LONG)
		.refine((t) => allowedText(t), { message: NOT_ALLOWED })
		.optional()
});
export type ActionBody = z.output<typeof actionBody>;

export const messageBody = z.object({ body: text('Écrivez votre message.') });
export const noteBody = z.object({ body: text('Écrivez votre annotation.') });

export type DemandeDetail = {
	id: number;
	number: number;
	formCode: string;
	status: DemandeStatusCode;
	revision: number;
	submittedAt: string | null;
	updatedAt: string;
	personLabel: string | null;
	householdId: number;
	famille: string;
	assignedAccountId: number | null;
	agent: string | null;
	/** The answers as the family's recap shows them; null when they no longer read (a form changed). */
	recap: RecapSection[] | null;
	documents: {
		type: string;
		personLabel: string | null;
		documentId: number | null;
		name: string | null;
		status: string | null;
	}[];
	history: DemandeView['history'];
	messages: {
		id: number;
		author: 'mairie' | 'famille';
		subject: string;
		body: string;
		createdAt: string;
		/** A family's answer no agent had opened before this reading. */
		unread: boolean;
	}[];
	notes: { id: number; author: string; body: string; createdAt: string }[];
	/** The actions canMove allows from this status. */
	actions: DemandeAction[];
};
