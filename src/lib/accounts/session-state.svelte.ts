import { answer, api, onSessionEnded } from '../api/client.ts';
import { takeEarly } from '../api/early-answers.ts';
import type { AccountSummary } from '../domain/accounts/account-summary.ts';
import { databaseMayExist } from '../offline/database-name.ts';
import { demoFromPage } from '../site/town.ts';
import { profileState } from './profile-state.svelte.ts';
import { SessionChannel } from './session-channel.ts';
import { setSignOutPending, signOutPending, tellServerSignedOut } from './sign-out-pending.ts';
import { withoutSync } from './sync-lock.ts';

const RETRY_SIGN_OUT_MS = 30_000;

/**
 * The device's database and its owner's record, loaded when the session needs them rather than
 * with the shell: a visitor's first load of a public page carries no Dexie.
 */
async function device() {
	const [{ portailDatabase }, owner] = await Promise.all([
		import('../offline/database.ts'),
		import('./device-owner.ts')
	]);
	return { db: portailDatabase(), ...owner };
}

/**
 * Who is signed in, for the header and the pages that need an account. Known from the server when
 * it answers; otherwise from the last answer kept on the device (a parent offline stays "signed in"
 * for reading; the server decides again at the next sync).
 *
 * The device holds one account's data at a time: whenever the server names an account (start,
 * sign-in, activation, password reset), another account's data is wiped before anything shows or
 * syncs. `ended` says the session this page was showing is over (signed out in another tab, or the
 * server answered 401): the citizen's pages then say so instead of showing what they held.
 */
class SessionState {
	account = $state<AccountSummary | null>(null);
	/** Known from the page the server wrote (first paint), then from the session's answer. */
	demo = $state(typeof document !== 'undefined' && demoFromPage());
	loaded = $state(false);
	ended = $state(false);
	/** Signed out while the server could not be reached: it is told as soon as it answers. */
	signOutPending = $state(false);
	#loading: Promise<void> | null = null;
	/** Who the page showed before its session ended: only they resume it without a reload. */
	#endedAs: string | null = null;
	#channel = new SessionChannel();
	#retry: ReturnType<typeof setInterval> | null = null;

	load(): Promise<void> {
		this.#loading ??= this.#start();
		return this.#loading;
	}

	async #start(): Promise<void> {
		this.#channel.listen((account) => this.#changedElsewhere(account));
		onSessionEnded(() => {
			if (!this.account) return;
			this.#end();
			void device()
				.then(({ db, forgetSession }) => forgetSession(db))
				.catch(() => undefined);
		});
		if (typeof window !== 'undefined') window.addEventListener('online', () => void this.#sendSignOut());
		try {
			// A sign-out made offline goes first: the session it ended must not come back.
			if (!(await this.#sendSignOut())) return;
			// Asked as the app started (hooks.client.ts) when no sign-out was waiting to be sent.
			const early = takeEarly('session')?.response as ReturnType<typeof api.auth.session.$get> | undefined;
			const session = await answer(early ?? api.auth.session.$get());
			this.demo = session.demo;
			await this.#adopt(session.account);
		} catch {
			this.account = (await databaseMayExist())
				? await device()
						.then(({ db, signedInOwner }) => signedInOwner(db))
						.catch(() => null)
				: null;
		} finally {
			this.loaded = true;
		}
	}

	/** Sign-in, activation or a password reset: `send` asks the server, which answers the account. */
	async signIn(send: () => Promise<{ account: AccountSummary | null }>): Promise<void> {
		await withoutSync(async () => {
			await this.#sendSignOut();
			const signedIn = await send();
			// The new session replaced the old one on the server: nothing is left to end.
			this.#setSignOutPending(false);
			await this.#adopt(signedIn.account);
		});
		this.ended = false;
		this.loaded = true;
		this.#channel.announce(this.account);
		// Keep what the parent does offline: ask the browser not to evict the local data.
		void navigator.storage?.persist?.().catch(() => false);
	}

	/**
	 * "Déconnexion": wipes the household's data from the device at once and ends the session on the
	 * server; offline, the server is told as soon as it answers (see signOutPending).
	 */
	async signOut(): Promise<void> {
		// Written down before anything, so that even a page closed at once ends the session later.
		setSignOutPending(true);
		const told = tellServerSignedOut();
		// No sync round is running while the device is wiped: none writes the agenda back after it.
		const { db, wipeDevice } = await device();
		await withoutSync(() => wipeDevice(db));
		this.#setSignOutPending(!(await told));
		this.account = null;
		this.ended = false;
		profileState.clear();
		this.#channel.announce(null);
	}

	/** The server named who is signed in (or nobody): the device follows, wiping another's data. */
	async #adopt(account: AccountSummary | null): Promise<void> {
		if (account) {
			const { db, adoptAccount } = await device();
			await adoptAccount(db, account);
			// Only another account's profile goes: a page may have loaded this one's before the
			// session answered (the citizen's pages open with the device's account meanwhile).
			const shown = profileState.profile?.identifiant;
			if (shown !== undefined && shown !== account.identifiant) profileState.clear();
		} else if (await databaseMayExist()) {
			// Nobody signed in: the device's owner, if any, is marked signed out (see forgetSession).
			const { db, forgetSession } = await device();
			await forgetSession(db);
		}
		this.account = account;
	}

	/** The page's session is over: say so, and drop what the page held in memory. */
	#end() {
		this.#endedAs = this.account?.identifiant ?? null;
		this.ended = true;
		this.account = null;
		profileState.clear();
	}

	#changedElsewhere(account: AccountSummary | null) {
		if (!this.loaded) return;
		if (this.account) {
			if (account?.identifiant !== this.account.identifiant) this.#end();
			return;
		}
		// Signed in again elsewhere by the person this page was showing: it resumes. Anyone else:
		// an ended page stays ended (its "Me connecter" reloads), a public page greets them.
		if (this.ended && (!account || account.identifiant !== this.#endedAs)) return;
		this.ended = false;
		this.account = account;
	}

	/** Sends a pending sign-out (another tab may have sent it); true when none is left waiting. */
	async #sendSignOut(): Promise<boolean> {
		const done = !signOutPending() || (await tellServerSignedOut());
		this.#setSignOutPending(!done);
		return done;
	}

	#setSignOutPending(pending: boolean) {
		setSignOutPending(pending);
		this.signOutPending = pending;
		if (pending && !this.#retry) this.#retry = setInterval(() => void this.#sendSignOut(), RETRY_SIGN_OUT_MS);
		if (!pending && this.#retry) {
			clearInterval(this.#retry);
			this.#retry = null;
		}
	}
}

export const sessionState = new SessionState();
