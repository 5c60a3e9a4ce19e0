import { randomUUID } from 'node:crypto';
import { addDays } from '../../src/lib/domain/agenda/dates.ts';
import { parisDate } from '../../src/lib/domain/agenda/paris-time.ts';
import { displayName } from '../../src/lib/domain/profile/person-name.ts';
import { hashPassword } from '../accounts/password-hash.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { addChild, createHouseholdWithTitulaire } from '../profile/household-service.ts';
import { namesOf } from '../profile/person-row.ts';
import { bumpResourceVersion } from '../sync/resource-version.ts';
import { DEMO_AGENT } from './demo-agents.ts';
import { TOWN_SCHOOL } from './demo-data.ts';
import {
	demoDemandes,
	writeDemoDemande,
	type DemoDemande,
	type DemoFamily,
	type DemoTown
} from './demo-requests.ts';
import { birthYearFor } from './school-age.ts';

const DEMO_QUEUE_KEY = 'demo-queue-v1';

type FamilySpec = {
	civilite: 'Monsieur' | 'Madame';
	nom: string;
	prenom: string;
	username: string;
	street: string;
	phone: string;
	child: { sexe: 'M' | 'F'; prenom: string; niveau: Parameters<typeof birthYearFor>[0] };
};

/** Three other households of the town, each with one child at the school (none can sign in). */
const FAMILIES: FamilySpec[] = [
	{
		civilite: 'Madame',
		nom: 'LEROY',
		prenom: 'Sandrine',
		username: 'sandrine.leroy',
		street: 'Rue de l’Église',
		phone: '0612345678',
		child: { sexe: 'M', prenom: 'Lucas', niveau: 'CP' }
	},
	{
		civilite: 'Monsieur',
		nom: 'MOREAU',
		prenom: 'Karim',
		username: 'karim.moreau',
		street: 'Chemin du Moulin',
		phone: '0623456789',
		child: { sexe: 'F', prenom: 'Inès', niveau: 'CM1' }
	},
	{
		civilite: 'Madame',
		nom: 'PETIT',
		prenom: 'Hélène',
		username: 'helene.petit',
		street: 'Place de la Mairie',
		phone: '0634567890',
		child: { sexe: 'F', prenom: 'Chloé', niveau: 'CE1' }
	}
];

async function createFamily(
	trx: Db,
	spec: FamilySpec,
	passwordHash: string,
	now: string
): Promise<DemoFamily> {
	const email = `${spec.username}@example.com`;
	const titulaire = await createHouseholdWithTitulaire(
		trx,
		{
			civilite: spec.civilite,
			nomNaissance: spec.nom,
			prenom: spec.prenom,
			prenom2: undefined,
			prenom3: undefined,
			dateNaissance: '1984-05-12',
			paysNaissance: 'France',
			communeNaissance: 'BOULOGNE-SUR-MER',
			departementNaissance: '62'
		},
		{ username: spec.username, email, passwordHash, role: 'citizen' },
		now
	);
	const address = await trx
		.insertInto('address')
		.values({
			household_id: titulaire.householdId,
			name: 'Adresse principale',
			country: 'France',
			city: 'HESDIGNEUL LES BOULOGNE',
			postal_code: '62360',
			street_number: null,
			number_complement: null,
			street: spec.street,
			street_complement: null,
			is_default: 1,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('phone')
		.values({ person_id: titulaire.personId, kind: 'portable', number: spec.phone })
		.execute();
	const childId = await addChild(
		trx,
		titulaire.householdId,
		{ personId: titulaire.personId, relation: spec.civilite === 'Madame' ? 'mere' : 'pere' },
		{
			sexe: spec.child.sexe,
			nomNaissance: spec.nom,
			prenom: spec.child.prenom,
			dateNaissance: `${birthYearFor(spec.child.niveau, now.slice(0, 10))}-09-21`,
			paysNaissance: 'France',
			communeNaissance: 'BOULOGNE-SUR-MER',
			departementNaissance: '62',
			school: { school: TOWN_SCHOOL, level: spec.child.niveau }
		},
		now
	);
	const author = displayName(namesOf({ nom_naissance: spec.nom, nom_usage: null, prenom: spec.prenom }));
	return {
		householdId: titulaire.householdId,
		accountId: titulaire.accountId,
		author,
		parent: { personId: titulaire.personId, label: author },
		child: {
			personId: childId,
			label: displayName(namesOf({ nom_naissance: spec.nom, nom_usage: null, prenom: spec.child.prenom }))
		},
		addressId: address.id,
		addressLabel: `${spec.street} 62360 HESDIGNEUL LES BOULOGNE`,
		phone: spec.phone,
		email
	};
}

const contact = (family: DemoFamily, objet: string, message: string) => ({
	message: { nom: family.author, objet, message, pieceJointe: null }
});

/** The fiche enfant and salle des fêtes answers of the DUPIN demo, written for another family. */
function formsFor(family: DemoFamily, niveau: string, now: Date) {
	const [fiche, , salle] = demoDemandes(family, now).map((d) => d.data) as [
		Record<string, Record<string, unknown>>,
		unknown,
		Record<string, Record<string, unknown>>
	];
	const withLevel: Record<string, Record<string, unknown>> = {
		...fiche,
		enfant: { ...fiche.enfant, niveau }
	};
	return { fiche: withLevel, salle };
}

/**
 * Eight demandes of the three families, in every status the queue shows: two Envoyée nobody has
 * taken (à traiter), one En cours de traitement and one Complément demandé for agent.mairie, one
 * complément received (sent again by the family), one Clos, one Refusée, one Envoyée today.
 */
function queueDemandes(
	[leroy, moreau, petit]: DemoFamily[],
	now: Date
): { family: DemoFamily; demande: DemoDemande; taken: boolean }[] {
	const leroyForms = formsFor(leroy!, 'CP', now);
	const moreauForms = formsFor(moreau!, 'CM1', now);
	const later = addDays(String(moreauForms.salle.reservation!.dateDebut), 7);
	return [
		{
			family: leroy!,
			taken: false,
			demande: {
				formCode: 'fiche-enfant',
				data: {
					...leroyForms.fiche,
					// Signed the day it was sent (the DUPIN fiche was signed 40 days ago).
					signature: { ...leroyForms.fiche.signature, date: parisDate(new Date(now.getTime() - 86_400_000)) }
				},
				step: 6,
				steps: [
					{ status: 'brouillon', daysAgo: 1 },
					{ status: 'envoyee', daysAgo: 1 }
				]
			}
		},
		{
			family: leroy!,
			taken: true,
			demande: {
				formCode: 'contact-mairie',
				data: contact(
					leroy!,
					'Inscription à l’accueil de loisirs',
					'Bonjour, Lucas pourra-t-il aller à l’accueil de loisirs pendant les vacances d’hiver ?'
				),
				step: 0,
				steps: [
					{ status: 'brouillon', daysAgo: 4 },
					{ status: 'envoyee', daysAgo: 4 },
					{ status: 'en-cours', daysAgo: 3, byTown: true }
				]
			}
		},
		{
			family: moreau!,
			taken: false,
			demande: {
				formCode: 'salle-des-fetes',
				data: {
					...moreauForms.salle,
					reservation: { ...moreauForms.salle.reservation, dateDebut: later, typeEvenement: 'mariage' }
				},
				step: 1,
				steps: [
					{ status: 'brouillon', daysAgo: 2 },
					{ status: 'envoyee', daysAgo: 2 }
				]
			}
		},
		{
			family: moreau!,
			taken: true,
			demande: {
				formCode: 'contact-mairie',
				data: contact(
					moreau!,
					'Facture de cantine de novembre',
					'Bonjour, la facture de novembre compte deux repas de trop pour Inès.'
				),
				step: 0,
				steps: [
					{ status: 'brouillon', daysAgo: 7 },
					{ status: 'envoyee', daysAgo: 7 },
					{ status: 'en-cours', daysAgo: 6, byTown: true },
					{
						status: 'complement',
						daysAgo: 6,
						byTown: true,
						comment: 'Pouvez-vous nous indiquer les deux dates concernées ?'
					}
				]
			}
		},
		{
			family: moreau!,
			taken: true,
			demande: {
				formCode: 'fiche-enfant',
				data: moreauForms.fiche,
				step: 6,
				steps: [
					{ status: 'brouillon', daysAgo: 10 },
					{ status: 'envoyee', daysAgo: 10 },
					{ status: 'en-cours', daysAgo: 9, byTown: true },
					{
						status: 'complement',
						daysAgo: 9,
						byTown: true,
						comment: 'Merci de préciser le niveau scolaire d’Inès pour la rentrée.'
					},
					{ status: 'envoyee', daysAgo: 8 }
				]
			}
		},
		{
			family: petit!,
			taken: false,
			demande: {
				formCode: 'contact-mairie',
				data: contact(
					petit!,
					'Horaires de la mairie',
					'Bonjour, la mairie est-elle ouverte le samedi matin ? Cordialement.'
				),
				step: 0,
				steps: [
					{ status: 'brouillon', daysAgo: 16 },
					{ status: 'envoyee', daysAgo: 16 },
					{
						status: 'clos',
						daysAgo: 15,
						byTown: true,
						comment: 'Oui, la mairie est ouverte le samedi de 9h à 12h.'
					}
				]
			}
		},
		{
			family: petit!,
			taken: false,
			demande: {
				formCode: 'contact-mairie',
				data: contact(
					petit!,
					'Prêt de barrières',
					'Bonjour, pouvons-nous emprunter des barrières pour la fête des voisins ?'
				),
				step: 0,
				steps: [
					{ status: 'brouillon', daysAgo: 21 },
					{ status: 'envoyee', daysAgo: 21 },
					{
						status: 'refusee',
						daysAgo: 20,
						byTown: true,
						comment: 'La mairie ne prête pas de matériel aux particuliers.'
					}
				]
			}
		},
		{
			family: petit!,
			taken: false,
			demande: {
				formCode: 'contact-mairie',
				data: contact(
					petit!,
					'Ramassage des encombrants',
					'Bonjour, quand passe le prochain ramassage des encombrants rue de la Mairie ?'
				),
				step: 0,
				steps: [
					{ status: 'brouillon', daysAgo: 0 },
					{ status: 'envoyee', daysAgo: 0 }
				]
			}
		}
	];
}

/** agent.mairie's account and name (demo-agents.ts runs first); null on a base without it. */
async function findDemoAgent(db: Db): Promise<{ accountId: number; author: string } | null> {
	const agent = await db
		.selectFrom('account')
		.innerJoin('person', 'person.id', 'account.person_id')
		.select(['account.id', 'person.nom_naissance', 'person.nom_usage', 'person.prenom'])
		.where('account.username', '=', DEMO_AGENT.username)
		.executeTakeFirst();
	return agent ? { accountId: agent.id, author: displayName(namesOf(agent)) } : null;
}

/**
 * What `npm run demo` adds after the demo's administrator, once: three other families and their
 * demandes, so the queue and the tableau de bord are not empty. The DUPIN family's demandes
 * (demo-requests.ts) are left as they are; those taken are agent.mairie's, the others the town's.
 */
export async function installDemoQueue(db: Db, clock: Clock): Promise<boolean> {
	const done = await db
		.selectFrom('town_setup')
		.select('key')
		.where('key', '=', DEMO_QUEUE_KEY)
		.executeTakeFirst();
	if (done) return false;
	// Nobody knows this password: the families are there to be read by agents, not to sign in.
	const passwordHash = await hashPassword(randomUUID());
	return db.transaction().execute(async (trx) => {
		const again = await trx
			.selectFrom('town_setup')
			.select('key')
			.where('key', '=', DEMO_QUEUE_KEY)
			.executeTakeFirst();
		const agent = again ? null : await findDemoAgent(trx);
		if (!agent) return false;
		const now = clock.now();
		const families = [];
		for (const spec of FAMILIES)
			families.push(await createFamily(trx, spec, passwordHash, now.toISOString()));
		const byAgent: DemoTown = { ...agent, assignedAccountId: agent.accountId };
		const byTown: DemoTown = { ...agent, assignedAccountId: null };
		for (const { family, demande, taken } of queueDemandes(families, now))
			await writeDemoDemande(trx, family, demande, now, taken ? byAgent : byTown);
		for (const family of families) await bumpResourceVersion(trx, family.householdId, 'requests');
		await trx.insertInto('town_setup').values({ key: DEMO_QUEUE_KEY }).execute();
		return true;
	});
}
