import { describe, expect, it } from 'vitest';
import { TOWN_PROCEDURES } from '../../server/seed/town-catalog.ts';
import { FORM_CODES, FORM_PROCEDURE } from '../../src/lib/domain/requests/form-codes.ts';
import { FORMS } from '../../src/lib/domain/requests/forms/index.ts';
import {
	PROCEDURE_CGU,
	PROCEDURE_PAGES,
	procedureDocumentLabels
} from '../../src/lib/domain/requests/procedures.ts';

describe('the téléprocédures’ pages', () => {
	it('every service of the catalogue has a page, and every form is offered by its own', () => {
		expect(Object.keys(PROCEDURE_PAGES).sort()).toEqual(TOWN_PROCEDURES.map((p) => p.slug).sort());
		for (const code of FORM_CODES) expect(PROCEDURE_PAGES[FORM_PROCEDURE[code]]!.forms, code).toContain(code);
		expect(PROCEDURE_PAGES['mise-a-jour-informations']!.forms).toHaveLength(3);
		expect(PROCEDURE_PAGES['reservation-cantine']!.forms).toEqual([]);
	});

	it('lists the justificatifs its forms ask for, named as the library names them', () => {
		// What a form's justificatifs step asks for: its defaults, one per type.
		const typesOf = (code: (typeof FORM_CODES)[number]) => {
			const step = FORMS[code].steps.find((st) => st.id === 'justificatifs');
			const answers = step?.schema('2026-11-28').parse({}) as { justificatifs: object } | undefined;
			return Object.keys(answers?.justificatifs ?? {});
		};
		for (const [slug, page] of Object.entries(PROCEDURE_PAGES))
			expect([...page.documents].sort(), slug).toEqual([...new Set(page.forms.flatMap(typesOf))].sort());
		expect(procedureDocumentLabels('fiche-enfant')).toEqual([
			'Attestation CAF',
			'Justificatif de domicile de moins de 3 mois',
			'Livret de famille intégral ou acte de naissance',
			'Assurance responsabilité civile'
		]);
		expect(procedureDocumentLabels('inconnue')).toEqual([]);
	});

	it('the fiche enfant’s description is the manual’s, the CGU say who keeps what, how long, and your rights', () => {
		expect(PROCEDURE_PAGES['fiche-enfant']!.description[0]).toContain(
			'il faut dans un premier temps renseigner la fiche enfant'
		);
		const cgu = PROCEDURE_CGU.join(' ');
		for (const words of ['responsable du traitement', 'conservés', 'RGPD', 'CNIL'])
			expect(cgu).toContain(words);
	});
});
