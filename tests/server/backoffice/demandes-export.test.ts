import { describe, expect, it } from 'vitest';
import { EXPORT_MAX_ROWS } from '../../../src/lib/domain/backoffice/demandes/demandes-csv.ts';
import { queueWorld, sendContact } from '../support/demandes.ts';
import { expectError } from '../support/expect.ts';
import { TestClient } from '../support/http-client.ts';
import { apply, draft } from '../support/requests.ts';

const BOM = [0xef, 0xbb, 0xbf];

/** The file's bytes (the BOM checked as bytes, then the text decoded as UTF-8) and its lines. */
async function download(client: TestClient, query = '') {
	const res = await client.get(`/api/admin/demandes/export${query}`);
	const bytes = new Uint8Array(await res.arrayBuffer());
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
	return {
		res,
		bytes,
		text,
		lines: text
			.replace(/^\uFEFF/, '')
			.split('\r\n')
			.slice(0, -1)
	};
}

describe('GET /api/admin/demandes/export: the queue as CSV', () => {
	it('sends every filtered demande, never a draft, as a UTF-8 file with a BOM, ";" and CRLF', async () => {
		const { ctx, dupin, martin, agent } = await queueWorld('2026-12-02T09:15:00Z');
		await apply(ctx, dupin, 'save', draft());
		const a = await sendContact(ctx, dupin);
		ctx.clock.set('2026-12-02T10:00:00Z');
		const b = await sendContact(ctx, martin);
		await ctx.db
			.updateTable('demande')
			.set({ person_label: 'DUPIN Élodie' })
			.where('id', '=', a.id)
			.execute();
		const numberOf = async (id: number) =>
			(await ctx.db.selectFrom('demande').select('number').where('id', '=', id).executeTakeFirstOrThrow())
				.number;

		const { res, bytes, text, lines } = await download(agent);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="demandes-2026-12-02.csv"');
		expect([...bytes.slice(0, 3)]).toEqual(BOM);
		expect(text.split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);
		expect(lines[0]).toBe(
			'N°;Téléservice;Famille;Personne concernée;E-mail;Déposée le;Statut;Agent;Dernière mise à jour'
		);
		expect(lines.slice(1)).toEqual([
			`${await numberOf(b.id)};Contacter la mairie;MARTIN Claire;MARTIN Claire;${martin.account.email};` +
				'02/12/2026 11:00;Envoyée;;02/12/2026 11:00',
			`${await numberOf(a.id)};Contacter la mairie;DUPIN Pascal;DUPIN Élodie;${dupin.account.email};` +
				'02/12/2026 10:15;Envoyée;;02/12/2026 10:15'
		]);
	});

	it('applies the queue’s filters and order, ignores the page, and refuses what the queue refuses', async () => {
		const { ctx, dupin, martin, agent } = await queueWorld();
		await sendContact(ctx, dupin);
		const b = await sendContact(ctx, martin);
		await ctx.db.updateTable('demande').set({ status: 'clos' }).where('id', '=', b.id).execute();
		const only = async (q: string) => (await download(agent, q)).lines.slice(1).map((l) => l.split(';')[2]);
		expect(await only('?statut=clos')).toEqual(['MARTIN Claire']);
		expect(await only(`?famille=${dupin.account.householdId}&page=9`)).toEqual(['DUPIN Pascal']);
		expect(await only('?q=martin')).toEqual(['MARTIN Claire']);
		expect(await only('?tri=famille&ordre=asc')).toEqual(['DUPIN Pascal', 'MARTIN Claire']);
		expect(await only('?tri=famille&ordre=desc')).toEqual(['MARTIN Claire', 'DUPIN Pascal']);
		expect((await download(agent, '?statut=refusee')).lines).toHaveLength(1);
		await expectError(await agent.get(`/api/admin/demandes/export?q=${'a'.repeat(101)}`), 400, {
			fields: { q: true }
		});
		await expectError(await agent.get('/api/admin/demandes/export?statut=brouillon'), 400, {
			fields: { statut: true }
		});
	});

	it('makes a family’s text that a spreadsheet would run inert, quoted', async () => {
		const { ctx, dupin, agent } = await queueWorld();
		const a = await sendContact(ctx, dupin);
		await ctx.db
			.updateTable('demande')
			.set({ person_label: '=HYPERLINK("http://x";"y")' })
			.where('id', '=', a.id)
			.execute();
		const { text } = await download(agent);
		expect(text).toContain(';"\'=HYPERLINK(""http://x"";""y"")";');
	});

	it('builds one export at a time per agent: a second one meanwhile is asked to wait (429)', async () => {
		const { ctx, dupin, agent } = await queueWorld();
		await sendContact(ctx, dupin);
		const [a, b] = await Promise.all([
			agent.get('/api/admin/demandes/export'),
			agent.get('/api/admin/demandes/export')
		]);
		expect([a.status, b.status].sort()).toEqual([200, 429]);
		const refused = a.status === 429 ? a : b;
		expect(refused.headers.get('retry-after')).toBe('10');
		await expectError(refused, 429, { code: 'export_busy' });
		// Its place given back: the next one is built.
		expect((await agent.get('/api/admin/demandes/export')).status).toBe(200);
	});

	it('keeps families and visitors out', async () => {
		const { ctx, dupin } = await queueWorld();
		await expectError(await new TestClient(ctx.app).get('/api/admin/demandes/export'), 401);
		await expectError(await dupin.client.get('/api/admin/demandes/export'), 403, { code: 'agents_only' });
	});

	it(`stops at ${EXPORT_MAX_ROWS} rows and says so in a last line`, { timeout: 60_000 }, async () => {
		const { ctx, dupin, agent } = await queueWorld();
		const total = EXPORT_MAX_ROWS + 2;
		for (let start = 0; start < total; start += 1000)
			await ctx.db
				.insertInto('demande')
				.values(
					Array.from({ length: Math.min(1000, total - start) }, (_, j) => {
						const i = start + j;
						return {
							client_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
							number: 1000 + i,
							household_id: dupin.account.householdId,
							form_code: 'contact-mairie',
							status: 'envoyee' as const,
							data_json: '{}',
							revision: 1,
							writer_id: 'w',
							writer_base: 0,
							created_at: '2026-11-01T00:00:00Z',
							created_by: dupin.account.id,
							updated_at: '2026-11-01T00:00:00Z',
							submitted_at: '2026-11-01T00:00:00Z',
							person_id: null,
							person_label: null,
							assigned_account_id: null
						};
					})
				)
				.execute();
		const { lines } = await download(agent, '?tri=numero&ordre=asc');
		expect(lines).toHaveLength(1 + EXPORT_MAX_ROWS + 1);
		expect(lines[1]?.startsWith('1000;')).toBe(true);
		expect(lines[EXPORT_MAX_ROWS]?.startsWith(`${1000 + EXPORT_MAX_ROWS - 1};`)).toBe(true);
		expect(lines.at(-1)).toMatch(/^Export limité aux 10\s000 premières demandes sur 10\s002 /u);
	});
});
