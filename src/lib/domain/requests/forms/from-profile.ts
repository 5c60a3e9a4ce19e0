import { familyName } from '../../profile/person-name.ts';
import type { HouseholdMember, Profile } from '../../profile/profile.ts';
import { addressLine } from './address.ts';

/** "DUPIN Pascal": a member of the household as the lists and recaps name them. */
export const memberLabel = (m: Pick<HouseholdMember, 'nom' | 'prenom'>): string =>
	`${m.nom.toUpperCase()} ${m.prenom}`;

/**
 * The signed-in adult among the household's: the profile names them by their civil data, the
 * household by its members; the same first name and birth date is them (the titulaire otherwise).
 */
export function signedInAdult(profile: Profile): HouseholdMember | null {
	const adults = profile.household.adults;
	return (
		adults.find(
			(a) => a.prenom === profile.civil.prenom && a.dateNaissance === profile.civil.dateNaissance
		) ??
		adults.find((a) => a.titulaire) ??
		null
	);
}

/** "DUPIN Pascal" for the signed-in person, from the civil data (usage name first). */
export const signedInName = (profile: Profile): string =>
	`${familyName(profile.civil)} ${profile.civil.prenom}`;

export function defaultAddressRef(profile: Profile): { addressId: number; label: string } | null {
	const address = profile.addresses.find((a) => a.isDefault) ?? profile.addresses[0];
	return address ? { addressId: address.id, label: addressLine(address) } : null;
}

/** The profile's best number to call back: the mobile, else the fixed line, else the work one. */
export const bestPhone = (profile: Profile): string =>
	profile.phones.portable ?? profile.phones.fixe ?? profile.phones.professionnel ?? '';
