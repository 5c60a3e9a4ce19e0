import { ApiError, getJson, sendJson } from '../api/client.ts';
import type { Profile } from '../domain/profile/profile.ts';

/** "Mon profil" as last answered by the server; every change answers with the whole profile. */
class ProfileState {
	profile = $state<Profile | null>(null);
	signedOut = $state(false);
	failure = $state('');

	async load(): Promise<void> {
		try {
			this.profile = (await getJson('/api/profile')) as Profile;
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) this.signedOut = true;
			else this.failure = error instanceof Error ? error.message : String(error);
		}
	}

	/** Sends a change; on success the page shows the server's new profile. Throws refusals to the form. */
	async change(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<void> {
		this.profile = (await sendJson(method, `/api/profile${path}`, body)) as Profile;
	}
}

export const profileState = new ProfileState();
