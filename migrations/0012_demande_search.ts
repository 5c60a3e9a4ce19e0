import { sql, type Kysely } from 'kysely';

/**
 * The agents' queue of demandes (issue 10):
 * - demande.search_text: the demande's number, person concerned, family's names and e-mails,
 *   folded (case, accents) as the queue's search box is: one LIKE on one column, written at
 *   submission (server/backoffice/demandes/search-text.ts) and here for the rows already sent.
 * - indexes for the queue's default order (by date of sending) and its "assigned to" filter.
 * Frozen in time: never import today's code here (the folding is copied as it is today).
 */
const fold = (text: string): string =>
	text
		.slice(0, 4000)
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/œ/gi, 'oe')
		.replace(/æ/gi, 'ae')
		.toLocaleLowerCase('fr-FR')
		.replace(/[\s'’\-_/]+/g, ' ')
		.trim();

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('demande')
		.addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema.createIndex('demande_by_submitted').on('demande').columns(['submitted_at', 'id']).execute();
	await db.schema
		.createIndex('demande_by_assigned')
		.on('demande')
		.columns(['assigned_account_id', 'submitted_at'])
		.execute();

	const sent = await db
		.selectFrom('demande')
		.select(['id', 'number', 'household_id', 'person_label'])
		.where('status', '<>', 'brouillon')
		.execute();
	for (const row of sent) {
		const persons = await db
			.selectFrom('person')
			.select(['nom_naissance', 'nom_usage', 'prenom'])
			.where('household_id', '=', row.household_id)
			.execute();
		const emails = await db
			.selectFrom('account')
			.select('email')
			.where('household_id', '=', row.household_id)
			.execute();
		const words = [
			String(row.number),
			row.person_label ?? '',
			...persons.flatMap((p) => [p.nom_naissance, p.nom_usage ?? '', p.prenom]),
			...emails.map((a) => a.email)
		];
		await db
			.updateTable('demande')
			.set({ search_text: fold(words.join(' ')) })
			.where('id', '=', row.id)
			.execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP INDEX demande_by_assigned`.execute(db);
	await sql`DROP INDEX demande_by_submitted`.execute(db);
	await db.schema.alterTable('demande').dropColumn('search_text').execute();
}
