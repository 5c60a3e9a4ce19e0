import { resolve } from 'node:path';
import { z } from 'zod';
import type { ConnectionLimits } from './http/connection-limits.ts';

/**
 * Every setting comes from the environment and is checked once at start: a town's
 * administrator gets one clear message listing what is wrong instead of a crash later.
 * The README documents each variable.
 */
const port = z.coerce
	.number({ error: 'doit être un nombre' })
	.int('doit être un nombre entier')
	.min(1, 'doit être compris entre 1 et 65535')
	.max(65535, 'doit être compris entre 1 et 65535');

const count = (min: number, max: number) =>
	z.coerce
		.number({ error: 'doit être un nombre' })
		.int('doit être un nombre entier')
		.min(min, `doit être compris entre ${min} et ${max}`)
		.max(max, `doit être compris entre ${min} et ${max}`);

const envSchema = z
	.object({
		NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
		PORT: port.default(3000),
		HOST: z.string().min(1, 'ne doit pas être vide').default('127.0.0.1'),
		DATA_DIR: z.string().min(1, 'ne doit pas être vide').default('./data'),
		APP_DIR: z.string().min(1, 'ne doit pas être vide').default('./build'),
		PUBLIC_URL: z.url({ error: 'doit être une adresse http(s) complète' }).optional(),
		SMTP_URL: z
			.string()
			.default('')
			.refine((v) => v === '' || /^smtps?:\/\/[^\s]+$/.test(v), 'doit commencer par smtp:// ou smtps://'),
		MAIL_FROM: z.string().min(3).optional(),
		TOWN_NAME: z
			.string()
			.trim()
			.min(2, 'doit contenir au moins 2 caractères')
			.default('Ville de Hesdigneul-lès-Boulogne'),
		TOWN_EMAIL: z
			.email({ error: 'doit être une adresse électronique' })
			.default('mairie@hesdigneul-les-boulogne.fr'),
		DEMO: z.enum(['true', 'false'], { error: 'doit valoir true ou false' }).default('false'),
		TRUST_PROXY: z.enum(['true', 'false'], { error: 'doit valoir true ou false' }).default('false'),
		MAX_CONNECTIONS: count(16, 1_000_000).optional(),
		MAX_CONNECTIONS_PER_IP: count(1, 1_000_000).default(50),
		HEADERS_TIMEOUT_S: count(1, 600).default(10),
		/** Test-only fixed "now" (ISO date-time), so end-to-end tests can set the server's day. */
		TEST_NOW: z.iso.datetime({ error: 'doit être une date ISO (2026-09-01T08:00:00Z)' }).optional()
	})
	.superRefine((env, ctx) => {
		if (env.TEST_NOW && env.NODE_ENV !== 'test') {
			ctx.addIssue({ code: 'custom', path: ['TEST_NOW'], message: "n'est accepté qu'avec NODE_ENV=test" });
		}
	});

export type Config = {
	env: 'production' | 'development' | 'test';
	port: number;
	host: string;
	dataDir: string;
	appDir: string;
	publicUrl: string;
	smtpUrl: string;
	mailFrom: string;
	townName: string;
	townEmail: string;
	trustProxy: boolean;
	connections: ConnectionLimits;
	/** Demonstration portal (`npm run demo`): demo data installed, demo sign-in shown. */
	demo: boolean;
	testNow: string | undefined;
};

export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ConfigError';
	}
}

/** Every variable read here, for the README's table (a test checks each one is documented). */
export const VARIABLES = Object.keys(envSchema.shape);

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
	// An empty variable means "not set", as in most shells' `VAR= cmd`.
	const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
	const parsed = envSchema.safeParse(cleaned);
	if (!parsed.success) {
		throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
	}
	const env = parsed.data;
	const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
	return {
		env: env.NODE_ENV,
		port: env.PORT,
		host: env.HOST,
		dataDir: resolve(env.DATA_DIR),
		appDir: resolve(env.APP_DIR),
		publicUrl,
		smtpUrl: env.SMTP_URL,
		mailFrom: env.MAIL_FROM ?? `${env.TOWN_NAME} <${env.TOWN_EMAIL}>`,
		townName: env.TOWN_NAME,
		townEmail: env.TOWN_EMAIL,
		trustProxy: env.TRUST_PROXY === 'true',
		connections: {
			// Unset: what the process's descriptors allow, known at start (see connectionCap).
			max: env.MAX_CONNECTIONS ?? null,
			// Behind the trusted proxy every connection is the proxy's: the proxy limits each client.
			perAddress: env.TRUST_PROXY === 'true' ? null : env.MAX_CONNECTIONS_PER_IP,
			headersTimeoutMs: env.HEADERS_TIMEOUT_S * 1000
		},
		demo: env.DEMO === 'true',
		testNow: env.TEST_NOW
	};
}
