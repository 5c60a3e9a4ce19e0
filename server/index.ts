import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { startPurging } from './accounts/purge-expired.ts';
import { createApp } from './app.ts';
import { fixedClock, systemClock } from './clock.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { answerClientErrors } from './http/client-errors.ts';
import { untrustedForwardingWatch } from './http/client-ip.ts';
import {
	connectionCap,
	descriptorProblem,
	httpServerOptions,
	limitConnections,
	openFilesLimit
} from './http/connection-limits.ts';
import { migrateToLatest } from './db/migrate.ts';
import { MailQueue } from './mail/mail-queue.ts';
import { createMailer } from './mail/mailer.ts';
import { installDemoAgents } from './demo/demo-agents.ts';
import { installDemoData } from './demo/demo-data.ts';
import { installDemoQueue } from './demo/demo-queue.ts';
import { installDemoRequests } from './demo/demo-requests.ts';
import { installTownDefaults } from './seed/town-defaults.ts';

function readConfig(): Config {
	try {
		return loadConfig();
	} catch (err) {
		if (err instanceof ConfigError) {
			console.error(err.message);
			process.exit(1);
		}
		throw err;
	}
}

const config = readConfig();
const descriptorLimit = openFilesLimit();
const maxConnections = connectionCap(config.connections.max, descriptorLimit);
const descriptors = descriptorProblem(maxConnections, descriptorLimit);
if (descriptors) {
	console.error(new ConfigError([descriptors]).message);
	process.exit(1);
}
const clock = config.testNow ? fixedClock(config.testNow) : systemClock;
const { db, file, writes } = openDatabase(config.dataDir);
const applied = await migrateToLatest(db);
if (applied.length > 0) console.info(`[base] migrations appliquées : ${applied.join(', ')}`);
if (await installTownDefaults(db, clock, config.townName)) {
	console.info('[base] catalogue, activités et calendrier scolaire de la commune installés');
}
if (config.demo && (await installDemoData(db, clock))) {
	console.info('[base] données de démonstration ajoutées');
}
if (config.demo && (await installDemoRequests(db, clock))) {
	console.info('[base] demandes de démonstration ajoutées');
}
if (config.demo && (await installDemoAgents(db, clock))) {
	console.info('[base] compte administrateur de démonstration ajouté (agent.mairie)');
}
// After the administrator: the demandes it has taken are assigned to it.
if (config.demo && (await installDemoQueue(db, clock))) {
	console.info('[base] familles et demandes de démonstration ajoutées à la file des agents');
}
// Expired sessions, links and attempts: purged now, then every few minutes, in small steps.
const purging = startPurging(db, clock);
const mailer = createMailer({
	smtpUrl: config.smtpUrl,
	from: config.mailFrom,
	outboxDir: join(config.dataDir, 'outbox')
});

const mail = new MailQueue(mailer);
const app = createApp({ db, writes, config, mailer, mail, clock });
if (!existsSync(join(config.appDir, 'index.html'))) {
	console.warn(`[portail] Aucune application construite dans ${config.appDir} : lancez \`npm run build\`.`);
}
const server = serve(
	{
		fetch: app.fetch,
		port: config.port,
		hostname: config.host,
		serverOptions: httpServerOptions(config.connections)
	},
	(info) => {
		console.info(
			`[portail] ${config.townName} — ${config.publicUrl} (écoute ${info.address}:${info.port}, base ${file})`
		);
	}
) as Server;
limitConnections(server, maxConnections, config.connections.perAddress);
answerClientErrors(server);
if (!config.trustProxy) {
	const watch = untrustedForwardingWatch();
	const onRequest = (request: { rawHeaders: string[] }) => {
		if (!watch(request.rawHeaders)) server.off('request', onRequest);
	};
	server.on('request', onRequest);
}

let stopping = false;
/** Stop taking connections, let requests in flight finish, then close the database cleanly. */
function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	console.info(`[portail] ${signal} reçu : arrêt en cours`);
	const force = setTimeout(() => process.exit(1), 10_000);
	force.unref();
	server.close(async () => {
		await purging.stop();
		await mail.drain();
		mailer.close();
		await db.destroy();
		console.info('[portail] arrêté');
		process.exit(0);
	});
	if ('closeIdleConnections' in server) server.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
