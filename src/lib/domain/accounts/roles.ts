/**
 * Who an account is: a family's ('citizen'), or the town hall's: an 'agent' processes demandes,
 * justificatifs and messages; an 'administrateur' also invites, disables and re-enables agents and
 * reads the audit log (issue 10). One sign-in page for all; the role decides where one lands.
 */
export const ACCOUNT_ROLES = ['citizen', 'agent', 'administrateur'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export type AgentRole = Exclude<AccountRole, 'citizen'>;

export const AGENT_ROLE_LABELS: Record<AgentRole, string> = {
	agent: 'Agent',
	administrateur: 'Administrateur'
};

export const isAgentRole = (role: AccountRole): role is AgentRole => role !== 'citizen';

/** Where an account lands after signing in. */
export const homeOf = (role: AccountRole): string => (isAgentRole(role) ? '/admin' : '/');
