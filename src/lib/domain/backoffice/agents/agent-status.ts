/**
 * Where an agent's account stands, as the list of agents shows it: disabled by an administrator,
 * invited but without a password yet, or active.
 */
export const AGENT_STATUSES = ['actif', 'desactive', 'invitation-envoyee'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export const AGENT_STATUS_LABELS: Record<AgentStatus, string> = {
	actif: 'Actif',
	desactive: 'Désactivé',
	'invitation-envoyee': 'Invitation envoyée'
};

export function agentStatus(account: { disabledAt: string | null; passwordChosen: boolean }): AgentStatus {
	if (account.disabledAt !== null) return 'desactive';
	return account.passwordChosen ? 'actif' : 'invitation-envoyee';
}

/** One line of GET /api/admin/agents. */
export type AgentLine = {
	id: number;
	identifiant: string;
	prenom: string;
	nom: string;
	email: string;
	role: 'agent' | 'administrateur';
	status: AgentStatus;
	createdAt: string;
};
