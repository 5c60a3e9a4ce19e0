import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { hashPassword } from '../../server/accounts/password-hash.ts';
import { loadCalendar } from '../../server/agenda/agenda-data.ts';
import { createApp } from '../../server/app.ts';
import { fixedClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import type { AppDeps } from '../../server/deps.ts';
import { MailQueue } from '../../server/mail/mail-queue.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { installTownDefaults } from '../../server/seed/town-defaults.ts';
import { generateTown, schoolDaysBetween, schoolYear, type Generated } from './generate.ts';

/** Monday 30 November 2026, 9:00 in Paris: the school year 2026-2027 is running. */
export const NOW = '2026-11-30T08:00:00Z';
export const PASSWORD = 'Hesdigneul62';
/**
 * The portal's public address for the bench: state-changing calls must come from it (Origin),
 * whatever loopback port the server gets.
 */
export const PUBLIC_URL = 'http://portail.localhost';

export type Town = {
	dataDir: string;
	file: string;
	deps: AppDeps;
	generated: Generated;
	passwordHash: string;
};

/**
 * A town's database in a temporary DATA_DIR, set up as the server does it (migrations, the town's
 * defaults), then filled by the generator, then opened again as the server opens it for the app.
 */
export async function buildTown(): Promise<Town> {
	const dataDir = mkdtempSync(join(tmpdir(), 'portail-bench-'));
	try {
		return await fillTown(dataDir);
	} catch (error) {
		rmSync(dataDir, { recursive: true, force: true });
		throw error;
	}
}

async function fillTown(dataDir: string): Promise<Town> {
	const clock = fixedClock(NOW);
	const config = loadConfig({
		NODE_ENV: 'production',
		PUBLIC_URL,
		// As behind the town's proxy: failed sign-ins from many addresses are told apart (town-reads.ts).
		TRUST_PROXY: 'true',
		DATA_DIR: dataDir,
		APP_DIR: existsSync('build/index.html') ? resolve('build') : join(dataDir, 'no-build')
	});
	const setup = openDatabase(dataDir);
	await migrateToLatest(setup.db);
	await installTownDefaults(setup.db, clock, config.townName);
	const calendar = await loadCalendar(setup.db);
	const year = schoolYear(calendar, '2026-2027');
	const days = schoolDaysBetween(calendar, year.startsOn, year.endsOn);
	await setup.db.destroy();

	// One real Argon2id hash, shared by every generated account (hashing 5,000 would take minutes).
	const passwordHash = await hashPassword(PASSWORD);
	const generated = generateTown(setup.file, days, passwordHash);

	const { db, file, writes } = openDatabase(dataDir);
	const mailer = createMailer({ smtpUrl: '', from: config.mailFrom, outboxDir: join(dataDir, 'outbox') });
	return {
		dataDir,
		file,
		deps: { db, writes, config, mailer, mail: new MailQueue(mailer), clock },
		generated,
		passwordHash
	};
}

type Listening = { url: string; close: () => Promise<void> };

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<Listening> {
	return new Promise((done) => {
		const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
			done({
				url: `http://127.0.0.1:${info.port}`,
				close: () =>
					new Promise<void>((closed) => {
						server.close(() => closed());
						if ('closeAllConnections' in server) server.closeAllConnections();
					})
			})
		);
	});
}

/** The real app and a Hono hello-world, each on a free loopback port of this process. */
export async function startServers(deps: AppDeps): Promise<{ app: Listening; hello: Listening }> {
	const helloApp = new Hono().get('/hello', (c) => c.text('ok'));
	const app = createApp(deps);
	return { app: await listen(app.fetch), hello: await listen(helloApp.fetch) };
}
