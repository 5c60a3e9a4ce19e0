import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { fixedClock } from '../../../server/clock.ts';
import { loadConfig, type Config } from '../../../server/config.ts';
import { openDatabase } from '../../../server/db/database.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { MailQueue } from '../../../server/mail/mail-queue.ts';
import { createMailer } from '../../../server/mail/mailer.ts';
import { installTownDefaults } from '../../../server/seed/town-defaults.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function emptyDir(dir: string): string {
	mkdirSync(dir, { recursive: true });
	return dir;
}

export function tempDir(prefix = 'portail-test-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
	return dir;
}

/** A migrated database in a real SQLite file of a temporary folder, closed after the test. */
export async function testDatabase(dataDir = tempDir()) {
	const { db, file, writes } = openDatabase(dataDir);
	cleanups.push(() => db.destroy());
	await migrateToLatest(db);
	return { db, file, writes, dataDir };
}

/**
 * The real app on a real temporary database with the town's defaults, a clock set to `now`, and
 * e-mails written to the temporary outbox. `appDir` points at a built app when a test needs one.
 */
export async function testApp(options: { now?: string; appDir?: string; env?: Record<string, string> } = {}) {
	const dataDir = tempDir();
	const config: Config = loadConfig({
		NODE_ENV: 'test',
		DATA_DIR: dataDir,
		// An empty folder when no build is given: the app answers that it is not built (tested).
		APP_DIR: options.appDir ?? emptyDir(join(dataDir, 'no-build')),
		// Tests give each client its address in X-Forwarded-For, as the town's proxy would.
		TRUST_PROXY: 'true',
		// The origin app.request() gives a path and TestClient's pages send: state-changing calls
		// are checked against it alone, as in production (see originPolicy).
		PUBLIC_URL: 'http://localhost',
		...options.env
	});
	const clock = fixedClock(options.now ?? '2026-11-28T09:00:00Z');
	const { db, writes } = await testDatabase(dataDir);
	await installTownDefaults(db, clock, config.townName);
	const mailer = createMailer({ smtpUrl: '', from: config.mailFrom, outboxDir: join(dataDir, 'outbox') });
	const mail = new MailQueue(mailer);
	// As at shutdown: what runs after an answer (stored links, e-mails) ends before the database closes.
	cleanups.push(() => mail.drain());
	const app = createApp({ db, writes, config, mailer, mail, clock });
	return { app, db, writes, config, clock, dataDir, mail };
}

export type TestCtx = Awaited<ReturnType<typeof testApp>>;
