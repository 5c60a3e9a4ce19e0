import { describe, expect, it } from 'vitest';
import { REQUIRED } from '../../src/lib/domain/forms/field-errors.ts';
import { correctionEtatCivilSchema } from '../../src/lib/domain/requests/forms/correction-etat-civil.ts';
import { FORMS } from '../../src/lib/domain/requests/forms/index.ts';
import { addMonths } from '../../src/lib/domain/requests/forms/hall-rules.ts';
import { DOC, TODAY, refusal } from './requests-fixtures.ts';

const schema = (code: keyof typeof FORMS) => FORMS[code].submitSchema(TODAY);

describe('Contacter la mairie', () => {
	const message = { nom: 'DUPIN Pascal', objet: 'Éclairage', message: 'Le lampadaire\nest en panne.' };

	it('takes an objet, a message on several lines, and an optional pièce jointe', () => {
		const data = schema('contact-mairie').parse({ message: { ...message, pieceJointe: DOC } });
		expect(FORMS['contact-mairie'].documents(data)).toEqual([
			{ type: 'piece-jointe', personId: null, personLabel: null, documentId: DOC }
		]);
		expect(FORMS['contact-mairie'].documents(schema('contact-mairie').parse({ message }))).toEqual([]);
	});

	it('refuses an empty objet, a message over 5,000 characters, an unknown file', () => {
		expect(
			refusal(schema('contact-mairie'), { message: { ...message, objet: ' ', pieceJointe: 'x' } })
		).toEqual({
			'message.objet': REQUIRED,
			'message.pieceJointe': 'Pièce jointe inconnue.'
		});
		expect(refusal(schema('contact-mairie'), { message: { ...message, message: 'a'.repeat(5001) } })).toEqual(
			{
				'message.message': '5000 caractères au maximum.'
			}
		);
		expect(refusal(schema('contact-mairie'), { message: { ...message, message: 'a\u0007' } })).toEqual({
			'message.message': 'Caractère non autorisé.'
		});
	});
});

describe('Location de la salle des fêtes', () => {
	const reservation = {
		dateDebut: '2026-12-13',
		dateFin: '',
		heureDebut: '14:00',
		heureFin: '23:30',
		typeEvenement: 'anniversaire',
		nombrePersonnes: '80'
	};
	const contact = { nom: 'DUPIN Pascal', telephone: '06 06 06 06 06', email: 'dupin@yopmail.com' };
	const hall = (patch: object) =>
		refusal(schema('salle-des-fetes'), { reservation: { ...reservation, ...patch }, contact });

	it('asks for one to three consecutive days, 15 days ahead at least, and says which days', () => {
		const data = schema('salle-des-fetes').parse({ reservation, contact });
		expect(data).toMatchObject({ reservation: { dateFin: '2026-12-13', nombrePersonnes: 80 } });
		expect(FORMS['salle-des-fetes'].hallDays!(data)).toEqual(['2026-12-13']);
		const weekend = schema('salle-des-fetes').parse({
			reservation: { ...reservation, dateFin: '2026-12-15' },
			contact
		});
		expect(FORMS['salle-des-fetes'].hallDays!(weekend)).toEqual(['2026-12-13', '2026-12-14', '2026-12-15']);
		expect(FORMS['salle-des-fetes'].documents(weekend)).toEqual([
			{ type: 'assurance-rc', personId: null, personLabel: null, documentId: null }
		]);
	});

	it('refuses a day too soon or too far, a reversed or too long stay', () => {
		expect(hall({ dateDebut: '2026-12-12' })).toEqual({
			'reservation.dateDebut': 'La salle se demande au moins 15 jours à l’avance : à partir du 13/12/2026.'
		});
		expect(hall({ dateDebut: '2028-05-29' })).toEqual({
			'reservation.dateDebut': 'La salle se demande au plus 18 mois à l’avance : jusqu’au 28/05/2028.'
		});
		expect(hall({ dateDebut: '2028-05-27', dateFin: '2028-05-29' })).toEqual({
			'reservation.dateFin': 'La salle se demande au plus 18 mois à l’avance : jusqu’au 28/05/2028.'
		});
		expect(hall({ dateFin: '2026-12-12' })).toEqual({
			'reservation.dateFin': 'La date de fin ne peut pas précéder la date de début.'
		});
		expect(hall({ dateFin: '2026-12-16' })).toEqual({
			'reservation.dateFin': 'La salle se loue 3 jours consécutifs au plus.'
		});
	});

	it('wants the end after the start on a single day, known hours, a known event, 1 to 200 people', () => {
		expect(hall({ heureFin: '14:00' })).toEqual({
			'reservation.heureFin': 'L’heure de fin doit être après l’heure de début.'
		});
		expect(hall({ dateFin: '2026-12-14', heureFin: '02:00' })).toEqual({});
		expect(hall({ heureDebut: '25:00', typeEvenement: 'rave' })).toEqual({
			'reservation.heureDebut': 'Heure invalide (exemple : 14:00).',
			'reservation.typeEvenement': 'Choisissez le type d’événement dans la liste.'
		});
		expect(hall({ typeEvenement: 'autre' })).toEqual({
			'reservation.precisions': 'Précisez le type d’événement.'
		});
		for (const nombrePersonnes of ['0', '201', '12.5', 'beaucoup'])
			expect(hall({ nombrePersonnes })).toEqual({
				'reservation.nombrePersonnes': 'Entre 1 et 200 personnes (la capacité de la salle).'
			});
		expect(hall({ nombrePersonnes: '' })).toEqual({ 'reservation.nombrePersonnes': REQUIRED });
	});

	it('wants a contact who can be called and written to', () => {
		expect(
			refusal(schema('salle-des-fetes'), { reservation, contact: { nom: '', telephone: '1', email: 'x' } })
		).toEqual({
			'contact.nom': REQUIRED,
			'contact.telephone': 'Numéro invalide : dix chiffres (exemple : 06 12 34 56 78).',
			'contact.email': 'Adresse électronique invalide (exemple : nom@exemple.fr).'
		});
	});

	it('counts months as a calendar does (31 August + 6 months is the end of February)', () => {
		expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
		expect(addMonths('2026-11-28', 18)).toBe('2028-05-28');
		expect(addMonths('2026-11-28', -12)).toBe('2025-11-28');
	});
});

describe('Mettre à jour mes informations', () => {
	const nouvelleAdresse = {
		name: 'Maison',
		country: 'France',
		city: 'Hesdin',
		postalCode: '62140',
		street: 'Rue Haute'
	};

	it('mise à jour d’adresse: the new address, from when (a year back to three months ahead)', () => {
		const data = schema('mise-a-jour-adresse').parse({
			adresse: { nouvelleAdresse, dateEffet: '2026-10-01' }
		});
		expect(data).toMatchObject({ adresse: { nouvelleAdresse: { city: 'HESDIN' }, remplace: null } });
		expect(FORMS['mise-a-jour-adresse'].documents(data)).toMatchObject([
			{ type: 'justificatif-domicile', documentId: null }
		]);
		expect(
			refusal(schema('mise-a-jour-adresse'), {
				adresse: { nouvelleAdresse: { ...nouvelleAdresse, street: '' }, dateEffet: '2027-03-01' }
			})
		).toEqual({
			'adresse.nouvelleAdresse.street': REQUIRED,
			'adresse.dateEffet': 'Un déménagement prévu dans les trois mois : jusqu’au 28/02/2027.'
		});
		expect(
			refusal(schema('mise-a-jour-adresse'), { adresse: { nouvelleAdresse, dateEffet: '2025-11-27' } })
		).toEqual({ 'adresse.dateEffet': 'Un changement d’adresse de moins d’un an : à partir du 28/11/2025.' });
	});

	it('mise à jour d’une filiation: which child, one adult (chosen or new), the relation', () => {
		const filiation = {
			enfant: { personId: 12, label: 'DUPIN Tim' },
			adulte: { personId: 10, label: 'DUPIN Marie' },
			lien: 'mere'
		};
		const data = schema('mise-a-jour-filiation').parse({ filiation });
		expect(FORMS['mise-a-jour-filiation'].personConcerned(data)).toEqual({
			personId: 12,
			label: 'DUPIN Tim'
		});
		expect(FORMS['mise-a-jour-filiation'].documents(data)).toMatchObject([
			{ type: 'livret-famille', personId: 12, personLabel: 'DUPIN Tim' }
		]);
		expect(
			refusal(schema('mise-a-jour-filiation'), {
				filiation: { ...filiation, enfant: null, adulte: null, lien: 'conjoint' }
			})
		).toEqual({
			'filiation.enfant': 'Choisissez l’enfant concerné.',
			'filiation.lien': 'Choisissez le lien dans la liste.',
			'filiation.adulte': 'Choisissez l’adulte dans la liste, ou ajoutez-le avec « + ».'
		});
		const nouvelAdulte = { civilite: 'Monsieur', nomNaissance: 'Durand', prenom: '' };
		expect(
			refusal(schema('mise-a-jour-filiation'), { filiation: { ...filiation, adulte: null, nouvelAdulte } })
		).toEqual({ 'filiation.nouvelAdulte.prenom': REQUIRED });
	});

	it('correction d’état civil: which person, at least one corrected field, why', () => {
		const etat = {
			personne: { personId: 11, label: 'DUPIN Pascal' },
			corrections: { prenom2: 'Jean', dateNaissance: '1971-01-02' },
			motif: 'Erreur de saisie'
		};
		const data = correctionEtatCivilSchema(TODAY).parse({ 'etat-civil': etat });
		expect(data['etat-civil'].corrections).toMatchObject({
			prenom2: 'Jean',
			nomNaissance: null,
			civilite: null
		});
		expect(
			refusal(schema('correction-etat-civil'), {
				'etat-civil': { ...etat, corrections: { prenom: ' ' }, motif: '' }
			})
		).toEqual({
			'etat-civil.corrections': 'Indiquez au moins une donnée à corriger.',
			'etat-civil.motif': REQUIRED
		});
		expect(
			refusal(schema('correction-etat-civil'), {
				'etat-civil': { ...etat, corrections: { departementNaissance: '99', dateNaissance: '1899-12-31' } }
			})
		).toEqual({
			'etat-civil.corrections.departementNaissance':
				'Numéro de département invalide (exemple : 62, 2A, 974).',
			'etat-civil.corrections.dateNaissance':
				'Année de naissance à vérifier : elle ne peut pas être avant 1900.'
		});
	});
});
