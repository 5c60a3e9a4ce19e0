/**
 * `npm run agent:create -- --email x@y --name "Prénom Nom" [--role agent]`: the town's first
 * administrator (or any agent) made from the command line, as the administrators' page does: an
 * account without a password and its activation link e-mailed through the server's mailer (the
 * outbox folder under DATA_DIR unless SMTP_URL is set). Same configuration as the server.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { agentInvitationSchema } from '../src/lib/domain/backoffice/agents/agent-invitation.ts';
import { AGENT_ROLE_LABELS } from '../src/lib/domain/accounts/roles.ts';
import { agentInvitationMail } from '../server/backoffice/agents/agent-mails.ts';
import { createInvitedAgent } from '../server/backoffice/agents/agent-invitations.ts';
import { systemClock } from '../server/clock.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { AppError } from '../server/http/errors.ts';
import { createMailer } from '../server/mail/mailer.ts';

const USAGE =
	'Utilisation : npm run agent:create -- --email adresse@mairie.fr --name "Prénom Nom" [--role agent|administrateur]';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

function readArgs() {
	try {
		const { values } = parseArgs({
			options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
			strict: true
		});
		return values;
	} catch (err) {
		return fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
	}
}

const args = readArgs();
if (!args.email || !args.name)
	fail(`Indiquez l’adresse électronique (--email) et le nom (--name).\n${USAGE}`);
// "Prénom Nom": the first word is the first name, the rest the family name.
const [prenom = '', ...rest] = args.name.trim().split(/\s+/);
const parsed = agentInvitationSchema.safeParse({
	email: args.email,
	prenom,
	nom: rest.join(' '),
	role: args.role ?? 'administrateur'
});
if (!parsed.success) {
	const problems = parsed.error.issues.map((issue) => {
		const field = { email: '--email', prenom: '--name (prénom)', nom: '--name (nom)', role: '--role' }[
			String(issue.path[0])
		];
		return `${field ?? String(issue.path[0])} : ${issue.message}`;
	});
	fail(`${problems.join('\n')}\n${USAGE}`);
}
const input = parsed.data;

let config;
try {
	config = loadConfig(process.env);
} catch (err) {
	if (err instanceof ConfigError) fail(err.message);
	throw err;
}

const { db } = openDatabase(config.dataDir);
try {
	await migrateToLatest(db);
	const now = systemClock.now();
	const invited = await db
		.transaction()
		.execute((trx) => createInvitedAgent(trx, now, input))
		.catch((err: unknown) => {
			if (err instanceof AppError) fail(err.message);
			throw err;
		});
	const mailer = createMailer({
		smtpUrl: config.smtpUrl,
		from: config.mailFrom,
		outboxDir: join(config.dataDir, 'outbox')
	});
	// Sent and awaited here (not queued as the server does): the command says whether it went.
	try {
		await mailer.send(
			agentInvitationMail(config, {
				to: input.email,
				prenom: input.prenom,
				username: invited.username,
				token: invited.token
			})
		);
	} catch (err) {
		fail(
			`Le compte ${invited.username} est créé, mais le courriel n’a pas pu partir (${err instanceof Error ? err.message : String(err)}). Relancez l’invitation depuis la page Agents du back office.`
		);
	} finally {
		mailer.close();
	}
	console.info(
		`Compte ${AGENT_ROLE_LABELS[input.role].toLowerCase()} créé pour ${input.prenom} ${input.nom} : identifiant ${invited.username}.`
	);
	console.info(
		config.smtpUrl
			? `Le lien d’activation (valable 7 jours) a été envoyé à ${input.email}.`
			: `Le lien d’activation (valable 7 jours) pour ${input.email} est dans ${join(config.dataDir, 'outbox')}.`
	);
} finally {
	await db.destroy();
}
