/**
 * A demande's statuses (DESIGN §3, the manual's words). The family drafts and sends; the town
 * takes it, accepts it (Clos), refuses it, or sends it back for a complément, which the family
 * edits and sends again. Every change is a history line.
 */
export const DEMANDE_STATUSES = [
	'brouillon',
	'envoyee',
	'en-cours',
	'complement',
	'clos',
	'refusee'
] as const;
export type DemandeStatusCode = (typeof DEMANDE_STATUSES)[number];

export const STATUS_LABELS: Record<DemandeStatusCode, string> = {
	brouillon: 'Brouillon',
	envoyee: 'Envoyée',
	'en-cours': 'En cours de traitement',
	complement: 'Complément demandé',
	clos: 'Clos',
	refusee: 'Refusée'
};

/** Who may move a demande from one status to another. */
export type Actor = 'famille' | 'agent';

const TRANSITIONS: Record<Actor, Partial<Record<DemandeStatusCode, readonly DemandeStatusCode[]>>> = {
	famille: { brouillon: ['envoyee'], complement: ['envoyee'] },
	agent: {
		envoyee: ['en-cours', 'clos', 'refusee', 'complement'],
		'en-cours': ['clos', 'refusee', 'complement'],
		complement: ['en-cours', 'clos', 'refusee']
	}
};

export function canMove(actor: Actor, from: DemandeStatusCode, to: DemandeStatusCode): boolean {
	return TRANSITIONS[actor][from]?.includes(to) ?? false;
}

/** The family can still change its answers: a draft, or a demande the town sent back. */
export const editableByFamily = (status: DemandeStatusCode): boolean =>
	status === 'brouillon' || status === 'complement';

/** "Effectuées" in Mes demandes: the town has decided. The rest is "En cours". */
export const isDone = (status: DemandeStatusCode): boolean => status === 'clos' || status === 'refusee';
