import { describe, expect, it } from 'vitest';
import { FORMS } from '../../src/lib/domain/requests/forms/index.ts';
import {
	DEMANDE_INVALID,
	MAX_DEMANDES_PER_DAY,
	MAX_OPEN_DEMANDES,
	MAX_OPEN_HALL_DEMANDES
} from '../../src/lib/domain/requests/mutations.ts';
import { submitDemande } from '../../server/requests/requests-service.ts';
import { FRENCH_SENTENCE } from './support/agenda.ts';
import { apply, draft, requestRows, setStatus, twoHouseholds } from './support/requests.ts';

type Households = Awaited<ReturnType<typeof twoHouseholds>>;

describe('what one household may start and send', () => {
	it(`starts at most ${MAX_DEMANDES_PER_DAY} demandes a day, drafts and direct submissions alike`, async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		const first = draft();
		await apply(ctx, dupin, 'save', first);
		for (let i = 1; i < MAX_DEMANDES_PER_DAY; i++)
			expect(await apply(ctx, dupin, 'save', draft())).toMatchObject({ ok: true });
		const before = await requestRows(ctx);
		for (const kind of ['save', 'submit'] as const) {
			const refused = await apply(ctx, dupin, kind, draft());
			expect(refused).toMatchObject({ ok: false, code: 'trop-de-demandes-aujourd-hui' });
			if (!refused.ok) expect(refused.reason).toMatch(FRENCH_SENTENCE);
		}
		// Nothing written, not even a number taken.
		expect(await requestRows(ctx)).toEqual(before);
		// A draft already started is saved and sent as before; another household has its own budget.
		expect(await apply(ctx, dupin, 'submit', { ...first, baseRevision: 1, data: first.data })).toMatchObject({
			ok: true,
			demande: { status: 'envoyee' }
		});
		expect(await apply(ctx, martin, 'save', draft())).toMatchObject({ ok: true });
		// The next day (Paris), the count starts again.
		ctx.clock.set('2026-11-28T23:30:00Z');
		expect(await apply(ctx, dupin, 'save', draft())).toMatchObject({ ok: true });
	});

	it(`sends at most ${MAX_OPEN_DEMANDES} demandes waiting for the town; one answered frees a place`, async () => {
		const { ctx, dupin } = await twoHouseholds();
		const sent: string[] = [];
		for (let i = 0; i < MAX_OPEN_DEMANDES; i++) {
			ctx.clock.set(`2026-11-${String(1 + Math.floor(i / MAX_DEMANDES_PER_DAY)).padStart(2, '0')}T09:00:00Z`);
			const d = draft();
			expect(await apply(ctx, dupin, 'submit', d)).toMatchObject({ ok: true });
			sent.push(d.demandeId);
		}
		ctx.clock.set('2026-11-20T09:00:00Z');
		const waiting = draft();
		await apply(ctx, dupin, 'save', waiting);
		const before = await requestRows(ctx);
		const refused = await apply(ctx, dupin, 'submit', { ...waiting, baseRevision: 1 });
		expect(refused).toMatchObject({ ok: false, code: 'trop-de-demandes-en-attente' });
		if (!refused.ok) expect(refused.reason).toMatch(FRENCH_SENTENCE);
		expect(await requestRows(ctx)).toEqual(before);
		// A complément sent again is one of the 30, not a 31st.
		await setStatus(ctx, sent[0]!, 'complement');
		await setStatus(ctx, sent[1]!, 'clos');
		expect(await apply(ctx, dupin, 'submit', { ...waiting, baseRevision: 1 })).toMatchObject({ ok: true });
	});

	it(`asks for the salle des fêtes in ${MAX_OPEN_HALL_DEMANDES} demandes at most until the town decides`, async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		const hall = (jours: string[]) =>
			draft({ data: { enfant: { personId: null, nom: 'Fête' }, salle: { jours } } });
		const first = hall(['2027-06-12']);
		expect(await apply(ctx, dupin, 'submit', first)).toMatchObject({ ok: true });
		expect(await apply(ctx, dupin, 'submit', hall(['2027-06-19']))).toMatchObject({ ok: true });
		const before = await requestRows(ctx);
		const refused = await apply(ctx, dupin, 'submit', hall(['2027-06-26']));
		expect(refused).toMatchObject({ ok: false, code: 'trop-de-demandes-en-attente' });
		if (!refused.ok) expect(refused.reason).toMatch(/salle des fêtes/);
		expect(await requestRows(ctx)).toEqual(before);
		// A demande without days is not one of them; another family asks for its own.
		expect(await apply(ctx, dupin, 'submit', draft())).toMatchObject({ ok: true });
		expect(await apply(ctx, martin, 'submit', hall(['2027-06-26']))).toMatchObject({ ok: true });
		// Once the town refused one, its days are free and the family may ask again.
		await setStatus(ctx, first.demandeId, 'refusee');
		await ctx.db.deleteFrom('hall_day').where('day', '=', '2027-06-12').execute();
		expect(await apply(ctx, dupin, 'submit', hall(['2027-07-03']))).toMatchObject({ ok: true });
	});
});

/** A submission of a real form, as the push applies it. */
function submitReal(ctx: Households['ctx'], who: Households['dupin'], data: Record<string, unknown>) {
	return ctx.db
		.transaction()
		.execute((trx) =>
			submitDemande(
				trx,
				{ account: who.account, author: who.author, now: ctx.clock.now(), forms: (code) => FORMS[code] },
				draft({ formCode: 'mise-a-jour-adresse', data })
			)
		);
}

async function addAddress(ctx: Households['ctx'], householdId: number): Promise<number> {
	const row = await ctx.db
		.insertInto('address')
		.values({
			household_id: householdId,
			name: 'Maison',
			country: 'France',
			city: 'BOULOGNE-SUR-MER',
			postal_code: '62200',
			street_number: null,
			number_complement: null,
			street: 'Rue de la Paix',
			street_complement: null,
			is_default: 1,
			updated_at: '2026-11-01T00:00:00.000Z'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

describe('the persons and addresses a demande names', () => {
	const change = (addressId: number) => ({
		adresse: {
			nouvelleAdresse: {
				name: 'Nouvelle',
				country: 'France',
				city: 'Outreau',
				postalCode: '62230',
				street: 'Rue Haute',
				isDefault: true
			},
			remplace: { addressId, label: 'Rue de la Paix, 62200 BOULOGNE-SUR-MER' },
			dateEffet: '2026-11-28'
		}
	});

	it('are the household’s: another one’s address is refused beside its field, nothing written', async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		const mine = await addAddress(ctx, dupin.account.householdId);
		const theirs = await addAddress(ctx, martin.account.householdId);
		const before = await requestRows(ctx);
		const refused = await submitReal(ctx, dupin, change(theirs));
		expect(refused).toMatchObject({ ok: false, code: DEMANDE_INVALID });
		if (!refused.ok)
			expect(refused.fields?.['adresse.remplace.addressId']).toMatch(/n’est pas .* des vôtres/);
		expect(await requestRows(ctx)).toEqual(before);
		expect(await submitReal(ctx, dupin, change(mine))).toMatchObject({ ok: true });
	});
});
