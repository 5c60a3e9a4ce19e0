import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { addressGroup } from './address-group.ts';

/**
 * The caller's address, which the throttles count by. Behind the town's reverse proxy
 * (TRUST_PROXY=true) it is the last address of X-Forwarded-For: the one the proxy itself added
 * for the client it saw (nginx's $proxy_add_x_forwarded_for appends it to what the client sent;
 * Caddy sets it), while the entries before it are whatever the client wrote. Otherwise the
 * socket's, since a client can write any header. An IPv6 address stands for its /64 (see
 * addressGroup): one host has all of them.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
	if (trustProxy) {
		// Bounded: it becomes part of stored keys, and an address is never longer.
		const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim().slice(0, 64);
		if (forwarded) return addressGroup(forwarded);
	}
	try {
		return addressGroup(getConnInfo(c).remote.address ?? 'inconnue');
	} catch {
		return 'inconnue';
	}
}

const FORWARDING = new Set(['x-forwarded-for', 'forwarded', 'x-real-ip']);

export const UNTRUSTED_PROXY_WARNING =
	'[portail] Des requêtes arrivent par un proxy (en-tête X-Forwarded-For ou Forwarded) alors que TRUST_PROXY n’est pas activé : toutes semblent venir de l’adresse du proxy, et 30 échecs de connexion n’importe où bloqueraient toute la commune. Derrière le proxy TLS de la commune, réglez TRUST_PROXY=true (voir le README).';

/**
 * Watches requests' raw headers while the proxy is not trusted and warns once when one carries
 * forwarding headers; then it stops looking (it returns false). The raw header list is read, not
 * `headers`, which Node builds only when asked.
 */
export function untrustedForwardingWatch(warn: (message: string) => void = console.warn) {
	return (rawHeaders: string[]): boolean => {
		for (let i = 0; i < rawHeaders.length; i += 2) {
			const name = rawHeaders[i] ?? '';
			if (name.length >= 9 && name.length <= 15 && FORWARDING.has(name.toLowerCase())) {
				warn(UNTRUSTED_PROXY_WARNING);
				return false;
			}
		}
		return true;
	};
}
