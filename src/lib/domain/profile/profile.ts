import type { PhoneKind } from './contact.ts';

/** "Mon profil" as GET /api/profile answers it: the signed-in person and their household. */
export type ProfileAddress = {
	id: number;
	name: string;
	country: string;
	city: string;
	postalCode: string;
	streetNumber: string | null;
	numberComplement: string | null;
	street: string;
	streetComplement: string | null;
	isDefault: boolean;
};

export type HouseholdMember = {
	id: number;
	nom: string;
	prenom: string;
	dateNaissance: string;
	titulaire: boolean;
};

export type Profile = {
	identifiant: string;
	civil: {
		civilite: string | null;
		nomNaissance: string;
		nomUsage: string | null;
		prenom: string;
		prenom2: string | null;
		prenom3: string | null;
		dateNaissance: string;
		paysNaissance: string;
		communeNaissance: string;
		departementNaissance: string | null;
	};
	social: {
		regime: string | null;
		revenuFiscalReferenceCents: number | null;
		enfantsACharge: number | null;
		allocataire: string;
		numeroAllocataire: string | null;
		quotient: number | null;
		ressourcesMensuellesCents: number | null;
		compositionFamiliale: string | null;
		quotientFamilial: number | null;
	};
	phones: Record<PhoneKind, string | null>;
	email: string;
	pendingEmail: string | null;
	addresses: ProfileAddress[];
	household: { children: HouseholdMember[]; adults: HouseholdMember[] };
	schooledChildren: {
		id: number;
		nom: string;
		prenom: string;
		school: string;
		level: string;
		sessions: string[];
	}[];
	relations: { person: string; kind: string; related: string }[];
};

/** How the manual names each relation kind. */
export const RELATION_LABELS: Record<string, string> = {
	pere: 'Père',
	mere: 'Mère',
	'responsable-legal': 'Responsable légal',
	conjoint: 'Conjoint(e)'
};

export const SESSION_LABELS: Record<string, string> = {
	'restauration-scolaire': 'Restauration scolaire',
	garderie: 'Garderie',
	'centre-de-loisirs': 'Centre de loisirs'
};
