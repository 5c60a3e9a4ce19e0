import type { CurrentAccount, Session } from '../accounts/sessions.ts';

export type { CurrentAccount };

export type AppEnv = { Variables: { account: CurrentAccount | null; session: Session | null } };
