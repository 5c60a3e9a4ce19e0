/**
 * Where to send the user after signing in. Only a path of this site is accepted ("/x", not
 * "//evil.example" nor "https://…"), so a crafted link cannot bounce a citizen to another site.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
	return value;
}

const KEY = 'portail.retour';

export function rememberReturnPath(path: string, storage: Storage = sessionStorage): void {
	storage.setItem(KEY, path);
}

export function rememberedReturnPath(storage: Storage = sessionStorage): string | null {
	return safeReturnPath(storage.getItem(KEY));
}
