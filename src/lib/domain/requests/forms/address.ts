import { z } from 'zod';
import { addressSchema, type Address } from '../../profile/address.ts';
import type { ProfileAddress } from '../../profile/profile.ts';

/**
 * An address added with "+" in a form: the profile's "Ajouter une adresse" rules. Its output
 * keeps null for an empty field, which the profile's schema reads as missing, so the kept answer
 * parses again.
 */
export const newAddressSchema = z.preprocess(
	(raw) =>
		raw && typeof raw === 'object' && !Array.isArray(raw)
			? Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null))
			: raw,
	addressSchema
);
export type NewAddress = Address;

/** "12 bis Rue des Buissons Fleuris, 62360 HESDIGNEUL LES BOULOGNE": how a list or a recap shows it. */
export function addressLine(a: Address | ProfileAddress): string {
	const number = [a.streetNumber, a.numberComplement].filter(Boolean).join(' ');
	const street = [number, a.street, a.streetComplement].filter(Boolean).join(' ');
	const country = a.country.trim().toLowerCase() === 'france' ? '' : `, ${a.country}`;
	return `${street}, ${a.postalCode} ${a.city}${country}`;
}
