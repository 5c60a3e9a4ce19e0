import { answer, api } from '../api/client.ts';

const KEY = 'portail.deconnexion-en-attente';

function storage(): Storage | null {
	return typeof localStorage === 'undefined' ? null : localStorage;
}

/**
 * A "Déconnexion" made while the server could not be reached: the device is already wiped, and the
 * server must still be told, before anything else, as soon as it answers (the session cookie is
 * HttpOnly: only the server can end it). Kept in localStorage so a reload, another tab or the next
 * visit send it too.
 */
export function signOutPending(): boolean {
	return storage()?.getItem(KEY) === '1';
}

export function setSignOutPending(pending: boolean): void {
	if (pending) storage()?.setItem(KEY, '1');
	else storage()?.removeItem(KEY);
}

/**
 * Ends the session on the server; true once the server has answered that it is done. The request
 * outlives the page (keepalive) if the person leaves at once; a network that does not answer
 * within a few seconds counts as offline: the person is not kept waiting.
 */
export async function tellServerSignedOut(): Promise<boolean> {
	try {
		await answer(
			api.auth.logout.$post(undefined, { init: { keepalive: true, signal: AbortSignal.timeout(8000) } })
		);
		return true;
	} catch {
		return false;
	}
}
