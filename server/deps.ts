import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { WriteWatch } from './db/write-watch.ts';
import type { MailQueue } from './mail/mail-queue.ts';
import type { Mailer } from './mail/mailer.ts';

/** Everything the app needs from outside, passed in so tests can give a temp database and a set clock. */
export type AppDeps = {
	db: Db;
	/** Moves on every write to `db`: caches answer from memory while it stands still. */
	writes: WriteWatch;
	config: Config;
	mailer: Mailer;
	mail: MailQueue;
	clock: Clock;
};
