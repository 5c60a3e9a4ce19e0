import { describe, expect, it } from 'vitest';
import { FORMS } from '../../src/lib/domain/requests/forms/index.ts';
import {
	canLeave,
	canReachRecap,
	checkRecap,
	checkStep,
	firstStepWithErrors,
	stepStates
} from '../../src/lib/domain/requests/step-navigation.ts';
import { TODAY } from './requests-fixtures.ts';

const hall = FORMS['salle-des-fetes'];
const reservation = {
	dateDebut: '2026-12-13',
	heureDebut: '14:00',
	heureFin: '23:00',
	typeEvenement: 'anniversaire',
	nombrePersonnes: '40'
};
const contact = { nom: 'DUPIN Pascal', telephone: '0606060606', email: 'dupin@yopmail.com' };

describe('a stepped form’s navigation', () => {
	it('"Suivant" leaves a step when its own answers pass, whatever the later steps hold', () => {
		expect(canLeave(hall, 0, { reservation }, TODAY)).toBe(true);
		expect(canLeave(hall, 0, { reservation: { ...reservation, heureFin: '13:00' } }, TODAY)).toBe(false);
		expect(checkStep(hall, 0, { reservation: { ...reservation, heureFin: '13:00' } }, TODAY)).toEqual({
			ok: false,
			errors: { heureFin: 'L’heure de fin doit être après l’heure de début.' }
		});
		expect(checkStep(hall, 1, {}, TODAY)).toMatchObject({
			ok: false,
			errors: { nom: 'Ce champ est obligatoire.' }
		});
		expect(checkStep(hall, 9, {}, TODAY)).toEqual({ ok: false, errors: { _: 'Étape inconnue.' } });
	});

	it('each step is complete, with errors (up to the current one), or not reached', () => {
		expect(stepStates(hall, {}, TODAY, 0)).toEqual(['errors', 'not-reached', 'not-reached']);
		expect(stepStates(hall, { reservation }, TODAY, 1)).toEqual(['complete', 'errors', 'not-reached']);
		expect(stepStates(hall, { contact }, TODAY, 0)).toEqual(['errors', 'complete', 'not-reached']);
		// The page gives each step an empty object to bind to: a later one is still not reached.
		expect(stepStates(hall, { reservation, contact: {}, justificatifs: {} }, TODAY, 0)).toEqual([
			'complete',
			'not-reached',
			'not-reached'
		]);
		expect(stepStates(hall, { reservation, contact: { ...contact, email: '' } }, TODAY, 2)).toEqual([
			'complete',
			'errors',
			'complete'
		]);
	});

	it('the first step with errors is where "Modifier" and a refusal lead', () => {
		expect(firstStepWithErrors(hall, { contact }, TODAY)).toBe(0);
		expect(firstStepWithErrors(hall, { reservation }, TODAY)).toBe(1);
		expect(firstStepWithErrors(hall, { reservation, contact }, TODAY)).toBeNull();
	});

	it('the recap is reached only when every step passes, and the rules between steps too', () => {
		expect(canReachRecap(hall, { reservation }, TODAY)).toBe(false);
		expect(checkRecap(hall, { reservation }, TODAY)).toMatchObject({ ok: false, step: 1 });
		expect(checkRecap(hall, { reservation, contact }, TODAY)).toMatchObject({
			ok: true,
			value: { reservation: { dateFin: '2026-12-13', nombrePersonnes: 40 } }
		});
		const fiche = FORMS['fiche-enfant'];
		const both = {
			responsable: {
				responsable: { personId: 11, label: 'DUPIN Pascal' },
				autreSituation: 'non',
				situationFamiliale: 'marie',
				adresse: { addressId: 4, label: 'Rue des Buissons Fleuris' }
			},
			conjoint: {
				ajouter: 'oui',
				personId: 11,
				civilite: 'Monsieur',
				nomNaissance: 'Dupin',
				prenom: 'Pascal',
				memeAdresse: 'oui'
			},
			enfant: { enfant: { personId: 12, label: 'DUPIN Tim' }, sessions: ['garderie'], pai: 'non' },
			autorisations: { droitImage: 'oui', soinsUrgence: 'oui', sortieSeul: 'non', sortiesScolaires: 'oui' },
			signature: { attestation: true, nom: 'DUPIN Pascal', date: TODAY }
		};
		expect(firstStepWithErrors(fiche, both, TODAY)).toBeNull();
		expect(checkRecap(fiche, both, TODAY)).toEqual({
			ok: false,
			step: 1,
			errors: { personId: 'Le conjoint ne peut pas être le responsable du dossier.' }
		});
		expect(canReachRecap(fiche, { ...both, conjoint: { ajouter: 'non' } }, TODAY)).toBe(true);
	});
});
