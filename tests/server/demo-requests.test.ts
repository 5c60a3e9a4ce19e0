import { describe, expect, it } from 'vitest';
import { parisDate } from '../../src/lib/domain/agenda/paris-time.ts';
import { FORMS } from '../../src/lib/domain/requests/forms/index.ts';
import { requestsSnapshotSchema, type DemandeView } from '../../src/lib/domain/requests/snapshot.ts';
import { SYNC_SCHEMA_VERSION } from '../../src/lib/domain/sync/protocol.ts';
import { installDemoData } from '../../server/demo/demo-data.ts';
import { DEMO_TOWN_AUTHOR, installDemoRequests } from '../../server/demo/demo-requests.ts';
import { dupins } from './support/agenda.ts';
import { json } from './support/http-client.ts';
import { testApp } from './support/test-app.ts';

async function demoDemandes() {
	const { ctx, client, timId } = await dupins();
	expect(await installDemoRequests(ctx.db, ctx.clock)).toBe(true);
	const res = await client.get(`/api/requests/pull?schemaVersion=${SYNC_SCHEMA_VERSION}`);
	expect(res.status).toBe(200);
	const snapshot = requestsSnapshotSchema.parse(await json(res));
	if ('unchanged' in snapshot) throw new Error('réponse « inchangé » inattendue');
	const byForm = (code: string) => snapshot.demandes.find((d) => d.formCode === code) as DemandeView;
	return { ctx, client, timId, snapshot, byForm };
}

describe('npm run demo: the DUPIN family’s past demandes', () => {
	it('gives a Fiche enfant Clos for Tim, a Contacter la mairie Clos and a Brouillon of the salle des fêtes', async () => {
		const { snapshot, byForm, timId } = await demoDemandes();
		expect(snapshot.demandes.map((d) => [d.formCode, d.status]).sort()).toEqual([
			['contact-mairie', 'clos'],
			['fiche-enfant', 'clos'],
			['salle-des-fetes', 'brouillon']
		]);
		const fiche = byForm('fiche-enfant');
		expect(fiche).toMatchObject({ personId: timId, personLabel: 'DUPIN Tim' });
		// Sent with its justificatifs for later (the demo keeps no files): listed as Non fourni.
		expect(fiche.needs.map((n) => [n.type, n.status]).sort()).toEqual([
			['assurance-rc', 'non-fourni'],
			['attestation-caf', 'non-fourni'],
			['justificatif-domicile', 'non-fourni'],
			['livret-famille', 'non-fourni']
		]);
		expect(byForm('salle-des-fetes').submittedAt).toBeNull();
	});

	it('numbers them from the town counter, so the next demande takes the next number', async () => {
		const { ctx, snapshot } = await demoDemandes();
		expect(snapshot.demandes.map((d) => d.number).sort()).toEqual([1, 2, 3]);
		const counter = await ctx.db
			.selectFrom('town_counter')
			.select('value')
			.where('name', '=', 'demande')
			.executeTakeFirstOrThrow();
		expect(counter.value).toBe(3);
	});

	it('tells each one’s history, the town’s answers by the town', async () => {
		const { byForm } = await demoDemandes();
		const lines = (code: string) => byForm(code).history.map((h) => [h.from, h.to, h.author]);
		expect(lines('fiche-enfant')).toEqual([
			[null, 'brouillon', 'DUPIN Pascal'],
			['brouillon', 'envoyee', 'DUPIN Pascal'],
			['envoyee', 'en-cours', DEMO_TOWN_AUTHOR],
			['en-cours', 'clos', DEMO_TOWN_AUTHOR]
		]);
		expect(lines('contact-mairie')).toEqual([
			[null, 'brouillon', 'DUPIN Pascal'],
			['brouillon', 'envoyee', 'DUPIN Pascal'],
			['envoyee', 'clos', DEMO_TOWN_AUTHOR]
		]);
		expect(byForm('contact-mairie').history.at(-1)?.comment).toMatch(/garderie/);
		expect(lines('salle-des-fetes')).toEqual([[null, 'brouillon', 'DUPIN Pascal']]);
		for (const d of [byForm('fiche-enfant'), byForm('contact-mairie')]) {
			const times = d.history.map((h) => h.at);
			expect(times).toEqual(times.toSorted());
			expect(d.submittedAt).toBe(d.history[1]!.at);
		}
	});

	it('holds answers the forms accept: the sent ones as of their day, the draft’s steps as of today', async () => {
		const { ctx, byForm } = await demoDemandes();
		for (const code of ['fiche-enfant', 'contact-mairie'] as const) {
			const d = byForm(code);
			const parsed = FORMS[code].submitSchema(parisDate(new Date(d.submittedAt!))).safeParse(d.data);
			expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
		}
		const salle = byForm('salle-des-fetes');
		const today = parisDate(ctx.clock.now());
		for (const step of FORMS['salle-des-fetes'].steps.slice(0, 2)) {
			const parsed = step.schema(today).safeParse(salle.data[step.id]);
			expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
		}
		expect(salle.data).toMatchObject({ contact: { nom: 'DUPIN Pascal', telephone: '0606060606' } });
	});

	it('is nothing on a town’s base without the demo family', async () => {
		const ctx = await testApp();
		expect(await installDemoRequests(ctx.db, ctx.clock)).toBe(false);
		expect(await ctx.db.selectFrom('demande').select('id').execute()).toHaveLength(0);
	});

	it('is installed once', async () => {
		const { ctx } = await demoDemandes();
		expect(await installDemoData(ctx.db, ctx.clock)).toBe(false);
		expect(await installDemoRequests(ctx.db, ctx.clock)).toBe(false);
		expect(await ctx.db.selectFrom('demande').select('id').execute()).toHaveLength(3);
	});
});
