import { ficheEnfantSchema } from '../../src/lib/domain/requests/forms/fiche-enfant-schema.ts';
import { contactMairieSchema } from '../../src/lib/domain/requests/forms/contact-mairie.ts';

/** What the generator made of one household: the ids its demandes name. */
export type GeneratedFamily = {
	household: number;
	account: number;
	parent: number;
	address: number;
	/** The titulaire's label, "FAMILLE0001 Paul", as the service writes a demande's author. */
	author: string;
	nom: string;
	children: { id: number; prenom: string; birth: string }[];
};

export const ADDRESS_LABEL = 'Rue des Buissons Fleuris, 62360 HESDIGNEUL LES BOULOGNE';

/**
 * A fiche enfant as the form sends it once the parent went through the seven steps from the
 * profile's prefill (responsable, address, signature) and the child chosen in the household; read
 * through the form's own schema, so the stored answers are what the server would have kept.
 */
export function ficheEnfantAnswers(f: GeneratedFamily, child: number, today: string) {
	const kid = f.children[child] ?? f.children[0]!;
	const label = `${f.nom} ${kid.prenom}`;
	const answers = {
		responsable: {
			responsable: { personId: f.parent, label: f.author },
			autreSituation: 'non',
			situationFamiliale: 'marie',
			adresse: { addressId: f.address, label: ADDRESS_LABEL }
		},
		conjoint: { ajouter: 'non' },
		enfant: {
			enfant: { personId: kid.id, label },
			sessions: ['restauration-scolaire', 'garderie'],
			pai: 'non',
			etablissement: 'École publique de Hesdigneul-lès-Boulogne',
			niveau: child === 0 ? 'CE2' : 'CP'
		},
		autorisations: { droitImage: 'oui', soinsUrgence: 'oui', sortieSeul: 'non', sortiesScolaires: 'oui' },
		'autres-personnes': {
			personnes: [
				{
					nom: 'Martin',
					prenom: 'Jeanne',
					lien: 'Grand-mère',
					telephone: '03 21 00 00 00',
					contactUrgence: true,
					autoriseeChercher: true
				}
			]
		},
		justificatifs: { justificatifs: {} as Record<string, { choice: string; documentId?: string }> },
		signature: { attestation: true, nom: f.author, date: today }
	};
	return { answers, personId: kid.id, label };
}

/** Ids and names no real answer holds, replaced in the parsed template's JSON. */
const MARK = {
	parent: 900_000_001,
	address: 900_000_002,
	child: 900_000_003,
	author: '@AUTHOR@',
	nom: '@NOM@'
};
const templates = new Map<string, string>();

/**
 * The stored JSON of a household's fiche enfant. The form's schema is built and run once per
 * child and day on a template (building it takes milliseconds: 10,000 fiches would take a
 * minute), then each household's ids and names are put in its JSON.
 */
export function ficheEnfantData(f: GeneratedFamily, child: number, today: string) {
	const kid = f.children[child] ?? f.children[0]!;
	const key = `${child}|${kid.prenom}|${today}`;
	let template = templates.get(key);
	if (template === undefined) {
		const marked: GeneratedFamily = {
			...f,
			parent: MARK.parent,
			address: MARK.address,
			author: MARK.author,
			nom: MARK.nom,
			children: f.children.map((c, i) => (i === child ? { ...c, id: MARK.child } : c))
		};
		template = JSON.stringify(
			ficheEnfantSchema(today).parse(ficheEnfantAnswers(marked, child, today).answers)
		);
		templates.set(key, template);
	}
	const json = template
		.replaceAll(String(MARK.parent), String(f.parent))
		.replaceAll(String(MARK.address), String(f.address))
		.replaceAll(String(MARK.child), String(kid.id))
		.replaceAll(MARK.author, f.author)
		.replaceAll(MARK.nom, f.nom);
	return { json, personId: kid.id, label: `${f.nom} ${kid.prenom}` };
}

const MESSAGES = [
	['Menu sans porc', 'Bonjour, notre fille ne mange pas de porc : un repas de substitution est-il prévu ?'],
	[
		'Facture d’octobre',
		'Bonjour, la facture d’octobre compte un repas le 14, jour de grève. Merci de vérifier.'
	],
	['Garderie du mercredi', 'Bonjour, la garderie ouvre-t-elle le mercredi matin pendant les vacances ?'],
	['Sortie scolaire', 'Bonjour, quel est l’horaire de retour de la sortie au musée de Boulogne ?'],
	['Changement de RIB', 'Bonjour, nous avons changé de banque : à qui envoyer notre nouveau RIB ?'],
	['Question', 'Bonjour, je voudrais savoir si']
] as const;

/** Contacter la mairie: an objet and a message of a few lines, through the form's schema. */
export function contactData(k: number) {
	const [objet, message] = MESSAGES[k % MESSAGES.length]!;
	const json = JSON.stringify(
		contactMairieSchema('2026-11-30').parse({
			message: { nom: 'FAMILLE Paul', objet, message: `${message}\nCordialement.`, pieceJointe: null }
		})
	).replace('FAMILLE Paul', '@AUTHOR@');
	return (f: GeneratedFamily) => ({
		json: json.replace('@AUTHOR@', f.author),
		personId: null,
		label: f.author
	});
}

/**
 * Location de la salle des fêtes, as stored (the reservation's days are in the past for the
 * town's decisions of this autumn, so the form's "from today" window is not applied here).
 */
export function salleData(k: number) {
	return (f: GeneratedFamily, day: string) => {
		const data = {
			reservation: {
				dateDebut: day,
				dateFin: day,
				heureDebut: '14:00',
				heureFin: '23:00',
				typeEvenement: k === 0 ? 'anniversaire' : 'repas-familial',
				precisions: null,
				nombrePersonnes: 40 + (f.household % 60)
			},
			contact: {
				nom: f.author,
				telephone: '0321000000',
				email: `famille.${f.household}@example.org`
			},
			justificatifs: { justificatifs: { 'assurance-rc': { choice: 'plus-tard', documentId: null } } }
		};
		return { json: JSON.stringify(data), personId: null, label: f.author };
	};
}
