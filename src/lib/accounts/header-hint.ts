import type { AccountSummary } from '../domain/accounts/account-summary.ts';

const KEY = 'portail.entete';

function storage(): Storage | null {
	return typeof localStorage === 'undefined' ? null : localStorage;
}

/**
 * Who the header last greeted on this device, so that it draws the same links and greeting while
 * the server is asked again instead of "Me connecter" then the account's links a second later (the
 * page below would jump). Only what the header shows; forgotten as soon as nobody is signed in.
 */
export function headerHint(): AccountSummary | null {
	try {
		const held = JSON.parse(storage()?.getItem(KEY) ?? 'null') as AccountSummary | null;
		return held && typeof held.prenom === 'string' && typeof held.role === 'string' ? held : null;
	} catch {
		return null;
	}
}

export function rememberHeader(account: AccountSummary | null): void {
	try {
		if (account) storage()?.setItem(KEY, JSON.stringify(account));
		else storage()?.removeItem(KEY);
	} catch {
		// Storage refused (private browsing, full): the header just waits for the server.
	}
}
