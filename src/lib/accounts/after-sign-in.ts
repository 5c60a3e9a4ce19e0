import { rememberedReturnPath, safeReturnPath } from '../site/return-path.ts';

/**
 * Where to go once signed in: the page asked for (?retour=…, or remembered when a démarche sent
 * the user to sign in), else the home page.
 */
export function pathAfterSignIn(url: URL): string {
	const fromUrl = safeReturnPath(url.searchParams.get('retour'));
	const remembered = typeof sessionStorage === 'undefined' ? null : rememberedReturnPath();
	if (typeof sessionStorage !== 'undefined') sessionStorage.removeItem('portail.retour');
	return fromUrl ?? remembered ?? '/';
}
