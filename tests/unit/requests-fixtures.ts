import type { Profile } from '../../src/lib/domain/profile/profile.ts';

/** The demo family as GET /api/profile answers it, for the forms' tests. */
export const TODAY = '2026-11-28';
export const DOC = '0b7a4d58-3a5e-4c1a-9d7e-1f6f1e0c2a11';

export const dupin: Profile = {
	identifiant: 'pascal.dupin',
	civil: {
		civilite: 'Monsieur',
		nomNaissance: 'DUPIN',
		nomUsage: null,
		prenom: 'Pascal',
		prenom2: null,
		prenom3: null,
		dateNaissance: '1971-01-01',
		paysNaissance: 'France',
		communeNaissance: 'LYON 04',
		departementNaissance: '69'
	},
	social: {
		regime: null,
		revenuFiscalReferenceCents: null,
		enfantsACharge: null,
		allocataire: 'DUPIN Pascal',
		numeroAllocataire: null,
		quotient: null,
		ressourcesMensuellesCents: null,
		compositionFamiliale: null,
		quotientFamilial: null
	},
	phones: { fixe: null, portable: '0606060606', professionnel: null },
	email: 'dupin@yopmail.com',
	pendingEmail: null,
	addresses: [
		{
			id: 7,
			name: 'Travail',
			country: 'France',
			city: 'BOULOGNE-SUR-MER',
			postalCode: '62200',
			streetNumber: '3',
			numberComplement: null,
			street: 'Rue de la Gare',
			streetComplement: null,
			isDefault: false
		},
		{
			id: 4,
			name: 'Adresse principale',
			country: 'France',
			city: 'HESDIGNEUL LES BOULOGNE',
			postalCode: '62360',
			streetNumber: null,
			numberComplement: null,
			street: 'Rue des Buissons Fleuris',
			streetComplement: null,
			isDefault: true
		}
	],
	household: {
		children: [{ id: 12, nom: 'DUPIN', prenom: 'Tim', dateNaissance: '2018-02-13', titulaire: false }],
		adults: [
			{ id: 10, nom: 'DUPIN', prenom: 'Marie', dateNaissance: '1975-05-05', titulaire: false },
			{ id: 11, nom: 'DUPIN', prenom: 'Pascal', dateNaissance: '1971-01-01', titulaire: true }
		]
	},
	schooledChildren: [],
	relations: []
};

const fields = (result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

/** A schema's refusal as `{ path: message }` (every issue, so a test sees what else was said). */
export function refusal(
	schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
	value: unknown
) {
	const result = schema.safeParse(value) as Parameters<typeof fields>[0];
	return fields(result);
}
