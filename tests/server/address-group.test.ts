import { describe, expect, it } from 'vitest';
import { addressGroup } from '../../server/http/address-group.ts';

describe('what per-address limits count by', () => {
	it('an IPv6 address by its /64, however it is written', () => {
		const group = '2001:db8:12:34::/64';
		expect(addressGroup('2001:db8:12:34::1')).toBe(group);
		expect(addressGroup('2001:0DB8:0012:0034:ffff:ffff:ffff:ffff')).toBe(group);
		expect(addressGroup('2001:db8:12:34:1:2:3:4%eth0')).toBe(group);
		expect(addressGroup('2001:db8:12:35::1')).toBe('2001:db8:12:35::/64');
		expect(addressGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(addressGroup('::1')).toBe('0:0:0:0::/64');
		expect(addressGroup('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
	});

	it('an IPv4 address whole, also when Node writes it as IPv6', () => {
		expect(addressGroup('192.0.2.1')).toBe('192.0.2.1');
		expect(addressGroup('::ffff:192.0.2.1')).toBe('192.0.2.1');
		expect(addressGroup('192.0.2.2')).not.toBe(addressGroup('192.0.2.1'));
	});

	it('anything else as it is', () => {
		expect(addressGroup('inconnue')).toBe('inconnue');
		expect(addressGroup('')).toBe('');
	});
});
