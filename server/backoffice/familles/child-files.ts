import type { FamilleChildFile } from '../../../src/lib/domain/backoffice/familles/familles.ts';
import { displayName } from '../../../src/lib/domain/profile/person-name.ts';
import {
	AUTORISATION_SHORT,
	MAX_OTHER_PERSONS,
	type AutorisationCode
} from '../../../src/lib/domain/requests/forms/fiche-enfant-lists.ts';
import type { Db } from '../../db/database.ts';
import { namesOf } from '../../profile/person-row.ts';

const CODES = Object.keys(AUTORISATION_SHORT) as AutorisationCode[];
/** More children than a household has: the page stays bounded whatever the data. */
const MAX_CHILDREN = 20;

function roles(c: { contact_urgence: number; autorisee_chercher: number }): string {
	return [
		c.contact_urgence ? 'à contacter en cas d’urgence' : null,
		c.autorisee_chercher ? 'autorisée à venir chercher l’enfant' : null
	]
		.filter(Boolean)
		.join(', ');
}

/** Each child's PAI, authorisations and other persons, as his last accepted fiche enfant gave them. */
export async function readChildFiles(db: Db, householdId: number): Promise<FamilleChildFile[]> {
	const children = await db
		.selectFrom('person')
		.innerJoin('child_record', 'child_record.person_id', 'person.id')
		.select(['person.id', 'person.nom_naissance', 'person.nom_usage', 'person.prenom', 'child_record.pai'])
		.where('person.household_id', '=', householdId)
		.orderBy('person.date_naissance')
		.limit(MAX_CHILDREN)
		.execute();
	if (children.length === 0) return [];
	const ids = children.map((c) => c.id);
	const [authorisations, contacts] = await Promise.all([
		db.selectFrom('child_authorisation').selectAll().where('person_id', 'in', ids).execute(),
		db
			.selectFrom('child_contact')
			.selectAll()
			.where('person_id', 'in', ids)
			.orderBy('id')
			.limit(MAX_CHILDREN * MAX_OTHER_PERSONS)
			.execute()
	]);
	return children.map((c) => ({
		personId: c.id,
		child: displayName(namesOf(c)),
		pai: c.pai === 1,
		authorisations: CODES.flatMap((code) => {
			const a = authorisations.find((x) => x.person_id === c.id && x.code === code);
			return a ? [`${AUTORISATION_SHORT[code]} : ${a.granted ? 'oui' : 'non'}`] : [];
		}),
		contacts: contacts
			.filter((x) => x.person_id === c.id)
			.map((x) => `${x.nom} ${x.prenom} (${x.lien}), ${x.telephone} : ${roles(x)}`)
	}));
}
