/** A person's names as the database keeps them: the usage name only when it differs from birth. */
export type PersonNames = { nomUsage: string | null; nomNaissance: string; prenom: string };

/** The name a person goes by, in capitals as the manual writes it: the usage name, else the birth name. */
export function familyName(person: Omit<PersonNames, 'prenom'>): string {
	return (person.nomUsage ?? person.nomNaissance).toUpperCase();
}

/** "DUPIN Tim": how the agenda, its history and the profile name a person. */
export function displayName(person: PersonNames): string {
	return `${familyName(person)} ${person.prenom}`;
}
