import { getJson, sendJson } from '../api/client.ts';
import { clearPersonalData, portailDatabase } from '../offline/database.ts';

export type AccountSummary = { identifiant: string; prenom: string; nom: string; role: 'citizen' | 'agent' };
type SessionAnswer = { account: AccountSummary | null; demo?: boolean };

/**
 * Who is signed in, for the header and the pages that need an account. Known from the server when
 * it answers; otherwise from the last answer kept on the device (a parent offline stays "signed in"
 * for reading; the server decides again at the next sync).
 */
class SessionState {
	account = $state<AccountSummary | null>(null);
	demo = $state(false);
	loaded = $state(false);
	#loading: Promise<void> | null = null;

	load(): Promise<void> {
		this.#loading ??= this.#fetch();
		return this.#loading;
	}

	async #fetch(): Promise<void> {
		const db = portailDatabase();
		try {
			const answer = (await getJson('/api/auth/session')) as SessionAnswer;
			this.account = answer.account;
			this.demo = answer.demo ?? false;
			if (answer.account) await db.account.put({ key: 'current', account: answer.account });
			else await db.account.clear();
		} catch {
			this.account = (await db.account.get('current').catch(() => undefined))?.account ?? null;
		} finally {
			this.loaded = true;
		}
	}

	/** After sign-in, activation or a password reset: the server answered with the account. */
	async signedIn(answer: unknown): Promise<void> {
		const account = (answer as SessionAnswer).account;
		this.account = account;
		this.loaded = true;
		if (account) await portailDatabase().account.put({ key: 'current', account });
		// Keep what the parent does offline: ask the browser not to evict the local data.
		void navigator.storage?.persist?.().catch(() => false);
	}

	/** "Déconnexion": ends the session on the server and wipes the household's data from the device. */
	async signOut(): Promise<void> {
		await sendJson('POST', '/api/auth/logout').catch(() => undefined);
		this.account = null;
		await clearPersonalData(portailDatabase());
	}
}

export const sessionState = new SessionState();
