import { ApiError, errorMessage, getJson, sendJson } from '../api/client.ts';
import type { Profile } from '../domain/profile/profile.ts';

/** "Mon profil" as last answered by the server; every change answers with the whole profile. */
class ProfileState {
	profile = $state<Profile | null>(null);
	failure = $state('');

	/** A 401 needs nothing here: the citizen's layout says the session ended (onSessionEnded). */
	async load(): Promise<void> {
		this.failure = '';
		try {
			this.profile = (await getJson('/api/profile')) as Profile;
		} catch (error) {
			if (!(error instanceof ApiError && error.status === 401)) this.failure = errorMessage(error);
		}
	}

	/** Signed out or another account: nothing of the previous profile may show. */
	clear(): void {
		this.profile = null;
		this.failure = '';
	}

	/** Sends a change; on success the page shows the server's new profile. Throws refusals to the form. */
	async change(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<void> {
		this.profile = (await sendJson(method, `/api/profile${path}`, body)) as Profile;
	}
}

export const profileState = new ProfileState();
