import type { PersonNames } from '../../src/lib/domain/profile/person-name.ts';

/** A `person` row's names, as the domain's name rules take them. */
export function namesOf(row: {
	nom_usage: string | null;
	nom_naissance: string;
	prenom: string;
}): PersonNames {
	return { nomUsage: row.nom_usage, nomNaissance: row.nom_naissance, prenom: row.prenom };
}
