import type { AddressInput } from '$lib/domain/profile/address.ts';
import type { NewAddress } from '$lib/domain/requests/forms/address.ts';

/**
 * "Ajouter une adresse" (the profile's AddressForm) opened on an address kept in a draft: its
 * empty fields are null there, empty text in the form.
 */
export function addressInput(kept: NewAddress | null, name: string): AddressInput {
	return {
		name: kept?.name ?? name,
		country: kept?.country ?? 'France',
		city: kept?.city ?? '',
		postalCode: kept?.postalCode ?? '',
		streetNumber: kept?.streetNumber ?? '',
		numberComplement: kept?.numberComplement ?? '',
		street: kept?.street ?? '',
		streetComplement: kept?.streetComplement ?? '',
		isDefault: false
	};
}
