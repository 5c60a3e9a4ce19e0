import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/domain/agenda/dates.ts';
import { DEMANDE_INVALID } from '../../src/lib/domain/requests/mutations.ts';
import { FRENCH_SENTENCE } from './support/agenda.ts';
import { apply, draft, fileDocument, requestRows, setStatus, twoHouseholds } from './support/requests.ts';

const demandeRow = (ctx: Awaited<ReturnType<typeof twoHouseholds>>['ctx'], clientId: string) =>
	ctx.db.selectFrom('demande').selectAll().where('client_id', '=', clientId).executeTakeFirstOrThrow();

describe('demande.submit.v1: sending a demande', () => {
	it('sends a draft: envoyée, its date, the person concerned, a history line, the answers saved', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const d = draft();
		await apply(ctx, dupin, 'save', d);
		ctx.clock.set('2026-11-28T10:00:00Z');
		const data = { enfant: { personId: dupin.timId, nom: 'DUPIN Tim' } };
		expect(await apply(ctx, dupin, 'submit', { ...d, baseRevision: 1, data, step: 6 })).toEqual({
			ok: true,
			demande: { number: 1, revision: 2, status: 'envoyee' }
		});
		const row = await demandeRow(ctx, d.demandeId);
		expect(row).toMatchObject({
			status: 'envoyee',
			submitted_at: '2026-11-28T10:00:00.000Z',
			person_id: dupin.timId,
			person_label: 'DUPIN Tim',
			step: 6
		});
		expect(JSON.parse(row.data_json)).toEqual(data);
		const history = await ctx.db.selectFrom('demande_history').selectAll().orderBy('id').execute();
		expect(history.map((h) => [h.from_status, h.to_status, h.at, h.author])).toEqual([
			[null, 'brouillon', '2026-11-28T09:00:00.000Z', 'DUPIN Pascal'],
			['brouillon', 'envoyee', '2026-11-28T10:00:00.000Z', 'DUPIN Pascal']
		]);
	});

	it('sends at once a demande never saved as a draft (all of it made offline)', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const d = draft();
		expect(await apply(ctx, dupin, 'submit', d)).toMatchObject({
			ok: true,
			demande: { number: 1, status: 'envoyee' }
		});
		expect(await ctx.db.selectFrom('demande_history').select('to_status').execute()).toHaveLength(2);
	});

	it('refuses a person of another household, beside the field, and writes nothing', async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		const d = draft({ data: { enfant: { personId: martin.leaId, nom: 'MARTIN Léa' } } });
		const before = await requestRows(ctx);
		const refused = await apply(ctx, dupin, 'submit', d);
		expect(refused).toMatchObject({ ok: false, code: DEMANDE_INVALID });
		if (!refused.ok)
			expect(refused.fields?.['enfant.personId']).toMatch(/ne fait pas .* partie de votre foyer/);
		expect(await requestRows(ctx)).toEqual(before);
	});

	it('keeps the answers as the form read them: a key it does not know is not kept', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const d = draft({
			data: { enfant: { personId: dupin.timId, nom: '  DUPIN Tim', status: 'clos' }, history: [1, 2] }
		});
		expect(await apply(ctx, dupin, 'submit', d)).toMatchObject({ ok: true });
		expect(JSON.parse((await demandeRow(ctx, d.demandeId)).data_json)).toEqual({
			enfant: { personId: dupin.timId, nom: '  DUPIN Tim' }
		});
	});

	it('refuses answers its form refuses, field by field in French, and changes nothing', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const d = draft();
		await apply(ctx, dupin, 'save', d);
		const before = await requestRows(ctx);
		const refused = await apply(ctx, dupin, 'submit', {
			...d,
			baseRevision: 1,
			data: { enfant: { personId: null, nom: '' } }
		});
		expect(refused).toMatchObject({
			ok: false,
			code: DEMANDE_INVALID,
			fields: { 'enfant.nom': 'Ce champ est obligatoire.' }
		});
		if (!refused.ok) expect(refused.reason).toMatch(FRENCH_SENTENCE);
		expect(await requestRows(ctx)).toEqual(before);
	});

	it('links each justificatif needed: the one given, else a still-valid one on file, else Non fourni; refuses a file it does not have', async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		const livret = await fileDocument(ctx, dupin, { type: 'livret-famille', personId: dupin.timId });
		// On file: an expired CAF, a newer one waiting for validation, and the valid one to reuse.
		await fileDocument(ctx, dupin, { type: 'attestation-caf', status: 'valide', expiresOn: '2026-11-27' });
		const caf = await fileDocument(ctx, dupin, {
			type: 'attestation-caf',
			status: 'valide',
			expiresOn: '2027-06-30',
			uploadedAt: '2026-10-01T10:00:00.000Z'
		});
		await fileDocument(ctx, dupin, { type: 'attestation-caf', uploadedAt: '2026-11-20T10:00:00.000Z' });
		const d = draft({
			data: {
				enfant: { personId: dupin.timId, nom: 'DUPIN Tim' },
				justificatifs: { 'livret-famille': { choice: 'envoyer', documentId: livret } }
			}
		});
		await apply(ctx, dupin, 'submit', d);
		const linked = await ctx.db
			.selectFrom('demande_document')
			.leftJoin('document', 'document.id', 'demande_document.document_id')
			.select(['demande_document.type', 'demande_document.person_id', 'document.client_id'])
			.orderBy('demande_document.type')
			.execute();
		expect(linked).toEqual([
			{ type: 'attestation-caf', person_id: null, client_id: caf },
			{ type: 'livret-famille', person_id: dupin.timId, client_id: livret }
		]);

		// Another household's document, or one the server never got (refused when sent), is refused
		// beside its field: the demande would say "joint" for a file the town does not have.
		const theirs = await fileDocument(ctx, martin, { type: 'livret-famille', personId: martin.leaId });
		for (const documentId of [theirs, randomUUID()]) {
			const e = draft({
				data: {
					enfant: { personId: null, nom: 'DUPIN Tom' },
					justificatifs: { 'livret-famille': { choice: 'envoyer', documentId } }
				}
			});
			const before = await requestRows(ctx);
			const refused = await apply(ctx, dupin, 'submit', e);
			expect(refused).toMatchObject({ ok: false, code: DEMANDE_INVALID });
			if (!refused.ok)
				expect(refused.fields).toEqual({
					'justificatifs.livret-famille.documentId': expect.stringMatching(/n’a pas été reçu par la mairie/)
				});
			expect(await requestRows(ctx)).toEqual(before);
		}
	});

	it('refuses to send a demande already sent, or to save or delete a refused one', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const d = draft();
		await apply(ctx, dupin, 'submit', d);
		const before = await requestRows(ctx);
		const again = await apply(ctx, dupin, 'submit', { ...d, baseRevision: 2, writerId: randomUUID() });
		expect(again).toEqual({
			ok: false,
			code: 'non-modifiable',
			reason: 'Cette demande est « Envoyée » : elle ne peut plus être modifiée ni envoyée.'
		});
		expect(await apply(ctx, dupin, 'delete', { demandeId: d.demandeId })).toEqual({
			ok: false,
			code: 'non-modifiable',
			reason: 'Seul un brouillon peut être supprimé : cette demande est « Envoyée ».'
		});
		await setStatus(ctx, d.demandeId, 'refusee');
		expect(await apply(ctx, dupin, 'save', { ...d, baseRevision: 2 })).toMatchObject({
			ok: false,
			code: 'non-modifiable',
			reason: expect.stringContaining('« Refusée »')
		});
		const after = await requestRows(ctx);
		expect({ ...after, demande: undefined }).toEqual({ ...before, demande: undefined });
	});

	it('lets the family edit and send again a demande the town sent back (complément demandé)', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const d = draft();
		await apply(ctx, dupin, 'submit', d);
		await setStatus(ctx, d.demandeId, 'complement');
		expect(await apply(ctx, dupin, 'save', { ...d, baseRevision: 2 })).toMatchObject({
			demande: { revision: 3, status: 'complement' }
		});
		ctx.clock.set('2026-11-30T09:00:00Z');
		expect(await apply(ctx, dupin, 'submit', { ...d, baseRevision: 3 })).toMatchObject({
			demande: { revision: 4, status: 'envoyee' }
		});
		// The first sending's date stays; the second is in the history.
		expect(await demandeRow(ctx, d.demandeId)).toMatchObject({ submitted_at: '2026-11-28T09:00:00.000Z' });
		const lines = await ctx.db.selectFrom('demande_history').select(['from_status', 'to_status']).execute();
		expect(lines.at(-1)).toEqual({ from_status: 'complement', to_status: 'envoyee' });
	});
});

describe('demande.submit.v1: the salle des fêtes', () => {
	const hall = (jours: string[]) =>
		draft({ data: { enfant: { personId: null, nom: 'Fête' }, salle: { jours } } });

	it('asks for its days, and refuses a day another demande asked for until that one is refused', async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		const first = hall(['2027-06-12', '2027-06-13']);
		expect(await apply(ctx, dupin, 'submit', first)).toMatchObject({ ok: true });
		expect(await ctx.db.selectFrom('hall_day').select(['day', 'state']).orderBy('day').execute()).toEqual([
			{ day: '2027-06-12', state: 'demandee' },
			{ day: '2027-06-13', state: 'demandee' }
		]);
		const before = await requestRows(ctx);
		const second = hall(['2027-06-13', '2027-06-20']);
		expect(await apply(ctx, martin, 'submit', second)).toEqual({
			ok: false,
			code: 'salle-indisponible',
			reason: 'La salle des fêtes est déjà demandée ou réservée le 13/06/2027 : choisissez une autre date.'
		});
		expect(await requestRows(ctx)).toEqual(before);
		await setStatus(ctx, first.demandeId, 'refusee');
		expect(await apply(ctx, martin, 'submit', second)).toMatchObject({ ok: true });
	});

	it('refuses a day past or beyond 18 months, and more days than a request may ask', async () => {
		const { ctx, dupin } = await twoHouseholds();
		for (const day of ['2026-11-27', '2028-06-01', '2027-02-30', '2027-01-32', '2027-13-01', 'demain']) {
			expect(await apply(ctx, dupin, 'submit', hall([day]))).toMatchObject({
				ok: false,
				code: 'salle-indisponible',
				reason: 'La salle des fêtes se demande pour une date du 28/11/2026 au 31/05/2028.'
			});
		}
		const many = Array.from({ length: 32 }, (_, i) => addDays('2027-01-01', i));
		expect(await apply(ctx, dupin, 'submit', hall(many))).toMatchObject({ code: 'salle-indisponible' });
		expect(await ctx.db.selectFrom('demande').selectAll().execute()).toEqual([]);
	});

	it('keeps a demande sent again its own days, replaced by its new answers’', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const d = hall(['2027-06-12']);
		await apply(ctx, dupin, 'submit', d);
		await setStatus(ctx, d.demandeId, 'complement');
		// Sent again, its own day is no conflict; the new answer's days replace the old ones.
		const again = {
			...d,
			baseRevision: 2,
			data: { enfant: { personId: null, nom: 'Fête' }, salle: { jours: ['2027-06-12', '2027-06-19'] } }
		};
		expect(await apply(ctx, dupin, 'submit', again)).toMatchObject({ ok: true });
		expect(
			(await ctx.db.selectFrom('hall_day').select('day').orderBy('day').execute()).map((r) => r.day)
		).toEqual(['2027-06-12', '2027-06-19']);
	});
});
