import { answer, api } from '../api/client.ts';
import { dropEarly } from '../api/early-answers.ts';

export { setSignOutPending, signOutPending } from './sign-out-flag.ts';

/**
 * Ends the session on the server; true once the server has answered that it is done. The request
 * outlives the page (keepalive) if the person leaves at once; a network that does not answer
 * within a few seconds counts as offline: the person is not kept waiting.
 */
export async function tellServerSignedOut(): Promise<boolean> {
	// The session asked for as the app started may be the one this ends.
	dropEarly();
	try {
		await answer(
			api.auth.logout.$post(undefined, { init: { keepalive: true, signal: AbortSignal.timeout(8000) } })
		);
		return true;
	} catch {
		return false;
	}
}
