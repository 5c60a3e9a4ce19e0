import type { ClientResponse } from 'hono/client';
import { answer, api, ApiError, errorMessage } from '../api/client.ts';
import type { Profile } from '../domain/profile/profile.ts';

/** "Mon profil" as last answered by the server; every change answers with the whole profile. */
class ProfileState {
	profile = $state<Profile | null>(null);
	failure = $state('');

	/** A 401 needs nothing here: the citizen's layout says the session ended (onSessionEnded). */
	async load(): Promise<void> {
		this.failure = '';
		try {
			this.profile = await answer(api.profile.$get());
		} catch (error) {
			if (!(error instanceof ApiError && error.status === 401)) this.failure = errorMessage(error);
		}
	}

	/** Signed out or another account: nothing of the previous profile may show. */
	clear(): void {
		this.profile = null;
		this.failure = '';
	}

	/**
	 * Sends a change (a call of `api.profile`); every change answers with the whole profile, which the
	 * page then shows. Throws refusals to the form.
	 */
	async change(request: Promise<ClientResponse<Profile, 200 | 201 | 202, 'json'>>): Promise<void> {
		this.profile = await answer(request);
	}
}

export const profileState = new ProfileState();
