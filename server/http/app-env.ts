import type { Session } from '../accounts/sessions.ts';

/** The signed-in account as routes see it, set by the session middleware. */
export type CurrentAccount = {
	id: number;
	username: string;
	role: 'citizen' | 'agent';
	personId: number;
	householdId: number;
	email: string;
};

export type AppEnv = { Variables: { account: CurrentAccount | null; session: Session | null } };
