import type { AccountRole } from './roles.ts';

/** Who is signed in, as the header shows it ("Bonjour Pascal DUPIN"): the server's answer, kept on the device. */
export type AccountSummary = { identifiant: string; prenom: string; nom: string; role: AccountRole };
