import { homeOf, isAgentRole, type AccountRole } from '../domain/accounts/roles.ts';
import { rememberedReturnPath, safeReturnPath } from '../site/return-path.ts';

const inBackOffice = (path: string) =>
	path === '/admin' || path.startsWith('/admin/') || path.startsWith('/admin?');

/**
 * Where to go once signed in: the page asked for (?retour=…, or remembered when a démarche sent
 * the user to sign in), else the account's home. Each kind of account keeps to its own side: an
 * agent asked to return to a family's page lands in the back office, a family asked to return to
 * the back office lands on the home page.
 */
export function pathAfterSignIn(url: URL, role: AccountRole = 'citizen'): string {
	const fromUrl = safeReturnPath(url.searchParams.get('retour'));
	const remembered = typeof sessionStorage === 'undefined' ? null : rememberedReturnPath();
	if (typeof sessionStorage !== 'undefined') sessionStorage.removeItem('portail.retour');
	const asked = fromUrl ?? remembered;
	if (asked && inBackOffice(asked) === isAgentRole(role)) return asked;
	return homeOf(role);
}
