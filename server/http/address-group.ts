import { isIPv4, isIPv6 } from 'node:net';

/**
 * What the per-address budgets and the per-address connection cap count by: an IPv4 address
 * whole, an IPv6 address by its /64. A single IPv6 host is given a /64 (2^64 addresses) by its
 * provider: counted whole, each of its addresses would have a budget of its own. An IPv4 address
 * written as IPv6 (`::ffff:192.0.2.1`, as Node gives it on a dual-stack socket) is the IPv4 one.
 */
export function addressGroup(address: string): string {
	const unzoned = address.split('%')[0] ?? '';
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(unzoned)?.[1];
	if (mapped && isIPv4(mapped)) return mapped;
	if (!isIPv6(unzoned)) return address;
	return `${hextets(unzoned).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, `::` expanded, in lower case without leading zeros. */
function hextets(address: string): string[] {
	// An IPv4 tail (64:ff9b::192.0.2.1) stands for two groups.
	const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
	let text = address;
	if (tail) {
		const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
		text = `${address.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const [head = '', rest] = text.split('::');
	const left = head ? head.split(':') : [];
	const right = rest ? rest.split(':') : [];
	const zeros = rest === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
	return [...left, ...zeros, ...right].map((h) => parseInt(h, 16).toString(16));
}
