import { describe, expect, it } from 'vitest';
import { FORM_CODES } from '../../src/lib/domain/requests/form-codes.ts';
import { ficheEnfantSchema } from '../../src/lib/domain/requests/forms/fiche-enfant-schema.ts';
import { FORMS } from '../../src/lib/domain/requests/forms/index.ts';
import { canLeave } from '../../src/lib/domain/requests/step-navigation.ts';
import { DOC, TODAY, dupin } from './requests-fixtures.ts';

const completeFiche = {
	responsable: {
		responsable: { personId: 11, label: 'DUPIN Pascal' },
		autreSituation: 'non',
		situationFamiliale: 'marie',
		adresse: { addressId: 4, label: 'Rue des Buissons Fleuris, 62360 HESDIGNEUL LES BOULOGNE' }
	},
	conjoint: { ajouter: 'non' },
	enfant: {
		nouvelEnfant: {
			sexe: 'fille',
			nomNaissance: 'dupin',
			prenom: 'Adélia',
			prenom2: 'Rose',
			dateNaissance: '2018-02-13',
			paysNaissance: 'France',
			communeNaissance: 'Boulogne-sur-Mer',
			departementNaissance: '62'
		},
		sessions: ['restauration-scolaire', 'centre-de-loisirs'],
		pai: 'oui'
	},
	autorisations: { droitImage: 'oui', soinsUrgence: 'oui', sortieSeul: 'non', sortiesScolaires: 'oui' },
	'autres-personnes': {
		personnes: [
			{
				nom: 'Martin',
				prenom: 'Jeanne',
				lien: 'Grand-mère',
				telephone: '0321000000',
				autoriseeChercher: true
			}
		]
	},
	justificatifs: { justificatifs: { 'livret-famille': { choice: 'reutiliser', documentId: DOC } } },
	signature: { attestation: true, nom: 'DUPIN Pascal', date: '2026-11-28' }
};

describe('prefill: "les formulaires sont pré-remplis avec vos informations"', () => {
	it('fiche enfant: the signed-in adult as responsable, the default address, the signature', () => {
		const data = FORMS['fiche-enfant'].prefill(dupin, TODAY);
		expect(data).toEqual({
			responsable: {
				responsable: { personId: 11, label: 'DUPIN Pascal' },
				autreSituation: 'non',
				adresse: { addressId: 4, label: 'Rue des Buissons Fleuris, 62360 HESDIGNEUL LES BOULOGNE' }
			},
			signature: { attestation: false, nom: 'DUPIN Pascal', date: TODAY }
		});
		// A household with no address yet: the list is empty, the parent adds one with "+".
		expect(FORMS['fiche-enfant'].prefill({ ...dupin, addresses: [] }, TODAY)).toMatchObject({
			responsable: { adresse: null }
		});
	});

	it('salle des fêtes and Contacter la mairie: the contact’s name, phone and e-mail', () => {
		expect(FORMS['salle-des-fetes'].prefill(dupin, TODAY)).toEqual({
			contact: { nom: 'DUPIN Pascal', telephone: '0606060606', email: 'dupin@yopmail.com' }
		});
		expect(FORMS['contact-mairie'].prefill(dupin, TODAY)).toEqual({ message: { nom: 'DUPIN Pascal' } });
		const contact = { contact: FORMS['salle-des-fetes'].prefill(dupin, TODAY).contact };
		expect(canLeave(FORMS['salle-des-fetes'], 1, contact, TODAY)).toBe(true);
	});

	it('mise à jour d’adresse: from today, in France, replacing the default address', () => {
		expect(FORMS['mise-a-jour-adresse'].prefill(dupin, TODAY)).toMatchObject({
			adresse: {
				nouvelleAdresse: { country: 'France' },
				remplace: { addressId: 4 },
				dateEffet: TODAY
			}
		});
		expect(FORMS['mise-a-jour-adresse'].prefill({ ...dupin, addresses: [] }, TODAY)).toMatchObject({
			adresse: { remplace: null }
		});
	});

	it('every form’s prefill fits the steps it fills (no field a step does not know)', () => {
		for (const code of FORM_CODES) {
			const ids = FORMS[code].steps.map((s) => s.id);
			for (const stepId of Object.keys(FORMS[code].prefill(dupin, TODAY)))
				expect(ids, code).toContain(stepId);
		}
	});
});

describe('recap: "Informations de la demande"', () => {
	const fiche = ficheEnfantSchema(TODAY).parse(completeFiche);

	it('one section per step, in French, from the answers alone', () => {
		const recap = FORMS['fiche-enfant'].recap(fiche);
		expect(recap.map((s) => s.title)).toEqual(FORMS['fiche-enfant'].steps.map((s) => s.label));
		const rows = Object.fromEntries(
			recap.flatMap((s) => s.rows.map((r) => [`${s.stepId}/${r.label}`, r.value]))
		);
		expect(rows).toMatchObject({
			'responsable/Responsable légal': 'DUPIN Pascal',
			'responsable/Autre situation (tutelle, foyer d’accueil…)': 'Non',
			'responsable/Situation familiale': 'Marié(e)',
			'responsable/Adresse': 'Rue des Buissons Fleuris, 62360 HESDIGNEUL LES BOULOGNE',
			'conjoint/Conjoint': 'Aucun',
			'enfant/Enfant': 'DUPIN Adélia (nouvel enfant)',
			'enfant/Sexe': 'Fille',
			'enfant/Prénoms': 'Adélia, Rose',
			'enfant/Date de naissance': '13/02/2018',
			'enfant/Lieu de naissance': 'Boulogne-sur-Mer (62), France',
			'enfant/Inscription aux sessions': 'Restauration scolaire, Centre de loisirs',
			'enfant/Mon enfant a besoin d’un PAI': 'Oui',
			'enfant/Établissement': 'Non renseigné',
			'autorisations/Droit à l’image': 'Oui',
			'autorisations/Sortie seul': 'Non',
			'autres-personnes/MARTIN Jeanne (Grand-mère)': '03.21.00.00.00 — autorisée à venir chercher l’enfant',
			'justificatifs/Attestation CAF': 'Non fourni',
			'justificatifs/Livret de famille intégral ou acte de naissance': 'Justificatif déjà fourni',
			'signature/Date': '28/11/2026'
		});
	});

	it('the person concerned and the justificatifs, each for whom', () => {
		expect(FORMS['fiche-enfant'].personConcerned(fiche)).toEqual({ personId: null, label: 'DUPIN Adélia' });
		expect(FORMS['fiche-enfant'].documents(fiche)).toEqual([
			{ type: 'attestation-caf', personId: 11, personLabel: 'DUPIN Pascal', documentId: null },
			{ type: 'justificatif-domicile', personId: 11, personLabel: 'DUPIN Pascal', documentId: null },
			{ type: 'livret-famille', personId: null, personLabel: 'DUPIN Adélia', documentId: DOC },
			{ type: 'assurance-rc', personId: null, personLabel: 'DUPIN Adélia', documentId: null }
		]);
	});

	it('salle des fêtes: the days and hours as people say them', () => {
		const form = FORMS['salle-des-fetes'];
		const data = form.submitSchema(TODAY).parse({
			reservation: {
				dateDebut: '2026-12-19',
				dateFin: '2026-12-20',
				heureDebut: '18:00',
				heureFin: '12:00',
				typeEvenement: 'mariage',
				nombrePersonnes: 150
			},
			contact: { nom: 'DUPIN Pascal', telephone: '0606060606', email: 'dupin@yopmail.com' }
		});
		expect(form.recap(data)[0]!.rows.slice(0, 2)).toEqual([
			{ label: 'Dates', value: 'du 19/12/2026 au 20/12/2026' },
			{ label: 'Horaires', value: 'de 18h00 à 12h00' }
		]);
		expect(form.personConcerned(data)).toEqual({ personId: null, label: 'DUPIN Pascal' });
	});
});
