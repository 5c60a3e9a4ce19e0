import { describe, expect, it } from 'vitest';
import { REQUIRED } from '../../src/lib/domain/forms/field-errors.ts';
import { MAX_DRAFT_BYTES } from '../../src/lib/domain/requests/mutations.ts';
import { FORMS } from '../../src/lib/domain/requests/forms/index.ts';
import { DOC, TODAY, refusal } from './requests-fixtures.ts';

const fiche = FORMS['fiche-enfant'];
const step = (id: string) => fiche.steps.find((s) => s.id === id)!.schema(TODAY);

const responsable = {
	responsable: { personId: 11, label: 'DUPIN Pascal' },
	autreSituation: 'non',
	situationFamiliale: 'marie',
	adresse: { addressId: 4, label: 'Rue des Buissons Fleuris, 62360 HESDIGNEUL LES BOULOGNE' }
};
const newChild = {
	sexe: 'garcon',
	nomNaissance: 'Dupin',
	prenom: 'Léo',
	prenom2: '',
	dateNaissance: '2019-03-04',
	paysNaissance: 'France',
	communeNaissance: 'Boulogne-sur-Mer',
	departementNaissance: '62'
};
const enfant = {
	enfant: { personId: 12, label: 'DUPIN Tim' },
	sessions: ['garderie', 'restauration-scolaire'],
	pai: 'non',
	etablissement: 'École publique de Hesdigneul-lès-Boulogne',
	niveau: 'CE2'
};
const autorisations = { droitImage: 'oui', soinsUrgence: 'oui', sortieSeul: 'non', sortiesScolaires: 'oui' };
const grandMa = {
	nom: 'Martin',
	prenom: 'Jeanne',
	lien: 'Grand-mère',
	telephone: '03 21 00 00 00',
	contactUrgence: true,
	autoriseeChercher: true
};
export const complete = {
	responsable,
	conjoint: { ajouter: 'non' },
	enfant,
	autorisations,
	'autres-personnes': { personnes: [grandMa] },
	justificatifs: { justificatifs: { 'attestation-caf': { choice: 'envoyer', documentId: DOC } } },
	signature: { attestation: true, nom: 'DUPIN Pascal', date: TODAY }
};

describe('fiche enfant, the seven steps', () => {
	it('has the manual’s steps, in order', () => {
		expect(fiche.steps.map((s) => s.id)).toEqual([
			'responsable',
			'conjoint',
			'enfant',
			'autorisations',
			'autres-personnes',
			'justificatifs',
			'signature'
		]);
	});

	it('accepts a complete fiche and keeps what the recap and the agent need', () => {
		const data = fiche.submitSchema(TODAY).parse(complete) as Record<string, Record<string, unknown>>;
		expect(data.enfant).toMatchObject({
			sessions: ['restauration-scolaire', 'garderie'],
			nouvelEnfant: null
		});
		expect(data['autres-personnes']).toEqual({ personnes: [{ ...grandMa, telephone: '0321000000' }] });
		expect(data.justificatifs).toEqual({
			justificatifs: {
				'attestation-caf': { choice: 'envoyer', documentId: DOC },
				'justificatif-domicile': { choice: 'plus-tard', documentId: null },
				'livret-famille': { choice: 'plus-tard', documentId: null },
				'assurance-rc': { choice: 'plus-tard', documentId: null }
			}
		});
	});

	it('reads its own answers back the same (a complément reopens what the server kept)', () => {
		const once = fiche.submitSchema(TODAY).parse(complete);
		expect(fiche.submitSchema(TODAY).parse(once)).toEqual(once);
		const withNew = { ...complete, enfant: { ...enfant, enfant: null, nouvelEnfant: newChild } };
		const kept = fiche.submitSchema(TODAY).parse(withNew);
		expect(fiche.submitSchema(TODAY).parse(kept)).toEqual(kept);
	});

	it('responsable: a legal guardian, a situation, one address (chosen, or new in full)', () => {
		const s = step('responsable');
		expect(refusal(s, { ...responsable, responsable: null })).toEqual({
			responsable: 'Choisissez le responsable légal.'
		});
		expect(refusal(s, { ...responsable, situationFamiliale: 'complique' })).toEqual({
			situationFamiliale: 'Choisissez la situation familiale.'
		});
		expect(refusal(s, { ...responsable, adresse: null })).toEqual({
			adresse: 'Choisissez une adresse dans la liste, ou ajoutez-en une avec « + ».'
		});
		const nouvelle = {
			name: 'Maison',
			country: 'France',
			city: 'Hesdin',
			postalCode: '6236',
			street: 'Rue Haute'
		};
		expect(refusal(s, { ...responsable, adresse: null, nouvelleAdresse: nouvelle })).toEqual({
			'nouvelleAdresse.postalCode':
				'Code postal invalide : cinq chiffres, d’un département français (exemple : 62360).'
		});
		expect(refusal(s, { ...responsable, nouvelleAdresse: { ...nouvelle, postalCode: '62360' } })).toEqual({
			adresse: 'Choisissez une adresse de la liste ou la nouvelle, pas les deux.'
		});
		expect(
			s.parse({ ...responsable, adresse: null, nouvelleAdresse: { ...nouvelle, postalCode: '62360' } })
		).toMatchObject({ nouvelleAdresse: { city: 'HESDIN', streetNumber: null } });
		expect(refusal(s, { ...responsable, autreSituation: 'oui' })).toEqual({
			autreSituationPrecision: 'Précisez la situation (tutelle, foyer d’accueil…).'
		});
		expect(refusal(s, { ...responsable, autreSituation: undefined })).toEqual({
			autreSituation: 'Répondez oui ou non.'
		});
	});

	it('conjoint: none, or a second parent with valid phones, e-mail and address', () => {
		const s = step('conjoint');
		expect(s.parse({ ajouter: 'non', prenom: 'ignoré' })).toEqual({ ajouter: 'non' });
		expect(refusal(s, {})).toEqual({ ajouter: 'Répondez oui ou non.' });
		const marie = {
			ajouter: 'oui',
			personId: 10,
			civilite: 'Madame',
			nomNaissance: 'Leroy',
			nomUsage: 'Dupin',
			prenom: 'Marie',
			telephonePortable: '07 00 00 00 00',
			email: 'Marie@Exemple.fr',
			memeAdresse: 'oui'
		};
		expect(s.parse(marie)).toMatchObject({
			telephonePortable: '0700000000',
			email: 'marie@exemple.fr',
			adresse: null
		});
		expect(refusal(s, { ...marie, telephonePortable: '12', email: 'marie@' })).toEqual({
			telephonePortable: 'Numéro invalide : dix chiffres (exemple : 06 12 34 56 78).',
			email: 'Adresse électronique invalide (exemple : nom@exemple.fr).'
		});
		expect(refusal(s, { ...marie, memeAdresse: 'non' })).toEqual({
			adresse: 'Indiquez l’adresse du conjoint.'
		});
		expect(refusal(s, { ...marie, prenom: ' ', dateNaissance: '2027-01-01' })).toEqual({
			prenom: REQUIRED,
			dateNaissance: 'La date de naissance doit être passée.'
		});
		expect(refusal(fiche.submitSchema(TODAY), { ...complete, conjoint: { ...marie, personId: 11 } })).toEqual(
			{
				'conjoint.personId': 'Le conjoint ne peut pas être le responsable du dossier.'
			}
		);
	});

	it('enfant: one child, at least one session, known school and level (both optional)', () => {
		const s = step('enfant');
		expect(refusal(s, { ...enfant, enfant: null })).toEqual({
			enfant: 'Choisissez l’enfant dans la liste, ou ajoutez-le avec « + ».'
		});
		expect(refusal(s, { ...enfant, nouvelEnfant: newChild })).toEqual({
			enfant: 'Une fiche ne concerne qu’un seul enfant : choisissez-le dans la liste ou ajoutez-le.'
		});
		expect(refusal(s, { ...enfant, sessions: [] })).toEqual({ sessions: 'Cochez au moins une session.' });
		expect(refusal(s, { ...enfant, sessions: ['piscine'] })).toEqual({ 'sessions.0': 'Session inconnue.' });
		expect(refusal(s, { ...enfant, sessions: Array(1000).fill('garderie') })).toEqual({
			sessions: 'Session inconnue.'
		});
		expect(refusal(s, { ...enfant, pai: 'peut-être' })).toEqual({ pai: 'Répondez oui ou non.' });
		expect(refusal(s, { ...enfant, etablissement: 'École de Paris', niveau: '6e' })).toEqual({
			etablissement: 'Choisissez un établissement dans la liste.',
			niveau: 'Choisissez un niveau dans la liste.'
		});
		expect(s.parse({ ...enfant, etablissement: '', niveau: undefined })).toMatchObject({
			etablissement: null,
			niveau: null
		});
	});

	it('enfant added with "+": the registration’s rules on names, birth date and département', () => {
		const s = step('enfant');
		const added = (patch: object) =>
			refusal(s, { ...enfant, enfant: null, nouvelEnfant: { ...newChild, ...patch } });
		expect(added({})).toEqual({});
		expect(added({ sexe: 'x', nomNaissance: '', prenom: 'a'.repeat(81) })).toEqual({
			'nouvelEnfant.sexe': 'Choisissez Garçon ou Fille.',
			'nouvelEnfant.nomNaissance': REQUIRED,
			'nouvelEnfant.prenom': '80 caractères au maximum.'
		});
		expect(added({ dateNaissance: '2019-02-30' })).toEqual({
			'nouvelEnfant.dateNaissance': 'Date invalide (exemple : 13/02/2018).'
		});
		expect(added({ dateNaissance: '2026-11-29' })).toEqual({
			'nouvelEnfant.dateNaissance': 'La date de naissance doit être passée.'
		});
		expect(added({ departementNaissance: '' })).toEqual({
			'nouvelEnfant.departementNaissance': 'Obligatoire pour une naissance en France.'
		});
		expect(added({ departementNaissance: '99' })).toEqual({
			'nouvelEnfant.departementNaissance': 'Numéro de département invalide (exemple : 62, 2A, 974).'
		});
		expect(added({ paysNaissance: 'Belgique', departementNaissance: '' })).toEqual({});
		expect(added({ communeNaissance: 'Lille\u0000' })).toEqual({
			'nouvelEnfant.communeNaissance': 'Caractère non autorisé.'
		});
	});

	it('autorisations: each one answered oui or non', () => {
		expect(
			refusal(step('autorisations'), { ...autorisations, sortieSeul: undefined, droitImage: true })
		).toEqual({
			sortieSeul: 'Répondez oui ou non.',
			droitImage: 'Répondez oui ou non.'
		});
	});

	it('autres personnes: up to ten, each with a valid phone and at least one role', () => {
		const s = step('autres-personnes');
		expect(s.parse({})).toEqual({ personnes: [] });
		expect(refusal(s, { personnes: [{ ...grandMa, telephone: '06 12' }] })).toEqual({
			'personnes.0.telephone': 'Numéro invalide : dix chiffres (exemple : 06 12 34 56 78).'
		});
		expect(
			refusal(s, { personnes: [{ ...grandMa, contactUrgence: false, autoriseeChercher: false }] })
		).toEqual({
			'personnes.0.contactUrgence':
				'Cochez au moins un rôle : à contacter en cas d’urgence, ou autorisée à venir chercher l’enfant.'
		});
		expect(refusal(s, { personnes: Array(11).fill(grandMa) })).toEqual({
			personnes: '10 personnes au plus.'
		});
	});

	it('justificatifs: a choice per type asked, a file for "envoyer" and "réutiliser", no other type', () => {
		const s = step('justificatifs');
		expect(refusal(s, { justificatifs: { 'livret-famille': { choice: 'envoyer' } } })).toEqual({
			'justificatifs.livret-famille.documentId': 'Ajoutez le fichier, ou choisissez « Plus tard ».'
		});
		expect(
			refusal(s, { justificatifs: { 'assurance-rc': { choice: 'reutiliser', documentId: null } } })
		).toEqual({
			'justificatifs.assurance-rc.documentId': 'Choisissez le justificatif à réutiliser.'
		});
		expect(refusal(s, { justificatifs: { 'assurance-rc': { choice: 'jamais' } } })).toEqual({
			'justificatifs.assurance-rc.choice': 'Choisissez une des trois possibilités.'
		});
		expect(refusal(s, { justificatifs: { 'piece-jointe': { choice: 'plus-tard' } } })).toEqual({
			justificatifs: 'Justificatif non demandé.'
		});
		expect(
			s.parse({ justificatifs: { 'assurance-rc': { choice: 'plus-tard', documentId: DOC } } })
		).toMatchObject({
			justificatifs: { 'assurance-rc': { choice: 'plus-tard', documentId: null } }
		});
	});

	it('signature: the attestation ticked, a name, today or before', () => {
		const s = step('signature');
		expect(refusal(s, { attestation: false, nom: '', date: '2026-11-29' })).toEqual({
			attestation: "Cochez l'attestation sur l'honneur pour signer la demande.",
			nom: REQUIRED,
			date: 'La date de signature ne peut pas être dans le futur.'
		});
		expect(refusal(s, { attestation: true, nom: 'DUPIN Pascal', date: '28/11/2026' })).toEqual({
			date: 'Date invalide (exemple : 13/02/2018).'
		});
	});

	it('refuses a megabyte in a field unread, and a fiche at every limit fits a draft', () => {
		const huge = 'x'.repeat(1_000_000);
		expect(refusal(step('responsable'), { ...responsable, autreSituationPrecision: huge })).toEqual({
			autreSituationPrecision: '200 caractères au maximum.'
		});
		// Quotes are escaped in JSON: the longest a text can weigh.
		const q = (n: number) => '"'.repeat(n);
		const person = {
			nom: q(80),
			prenom: q(80),
			lien: q(60),
			telephone: '+33 6 06 06 06 06',
			contactUrgence: true
		};
		const address = {
			name: q(60),
			country: q(60),
			city: q(80),
			postalCode: q(10),
			streetNumber: q(10),
			numberComplement: q(10),
			street: q(120),
			streetComplement: q(120)
		};
		const widest = fiche.submitSchema(TODAY).parse({
			...complete,
			responsable: {
				...responsable,
				responsable: { personId: 11, label: q(200) },
				adresse: null,
				nouvelleAdresse: address,
				autreSituation: 'oui',
				autreSituationPrecision: q(200)
			},
			conjoint: {
				ajouter: 'oui',
				civilite: 'Madame',
				nomNaissance: q(80),
				nomUsage: q(80),
				prenom: q(80),
				email: `${'a'.repeat(64)}@${'b'.repeat(180)}.fr`,
				memeAdresse: 'non',
				adresse: address
			},
			enfant: { ...enfant, enfant: { personId: 12, label: q(200) } },
			'autres-personnes': { personnes: Array(10).fill(person) },
			signature: { attestation: true, nom: q(120), date: TODAY }
		});
		expect(JSON.stringify(widest).length).toBeLessThan(MAX_DRAFT_BYTES);
	});
});
