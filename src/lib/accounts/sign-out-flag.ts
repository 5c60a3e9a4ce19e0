const KEY = 'portail.deconnexion-en-attente';

function storage(): Storage | null {
	return typeof localStorage === 'undefined' ? null : localStorage;
}

/**
 * A "Déconnexion" made while the server could not be reached: the device is already wiped, and the
 * server must still be told, before anything else, as soon as it answers (the session cookie is
 * HttpOnly: only the server can end it; sign-out-pending.ts tells it). Kept in localStorage so a
 * reload, another tab or the next visit send it too; apart, with no import, so that the app's start
 * (hooks.client.ts) reads it before any other code has loaded.
 */
export function signOutPending(): boolean {
	return storage()?.getItem(KEY) === '1';
}

export function setSignOutPending(pending: boolean): void {
	if (pending) storage()?.setItem(KEY, '1');
	else storage()?.removeItem(KEY);
}
