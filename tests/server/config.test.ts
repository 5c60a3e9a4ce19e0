import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

function problems(env: Record<string, string>): string[] {
	try {
		loadConfig(env);
	} catch (err) {
		if (err instanceof ConfigError) return err.problems;
		throw err;
	}
	return [];
}

describe('configuration from the environment', () => {
	it('has working defaults', () => {
		const config = loadConfig({});
		expect(config).toMatchObject({
			env: 'production',
			port: 3000,
			host: '127.0.0.1',
			dataDir: resolve('./data'),
			publicUrl: 'http://localhost:3000',
			smtpUrl: '',
			townName: 'Ville de Hesdigneul-lès-Boulogne'
		});
		expect(config.mailFrom).toBe('Ville de Hesdigneul-lès-Boulogne <mairie@hesdigneul-les-boulogne.fr>');
	});

	it('reads every variable', () => {
		const config = loadConfig({
			PORT: '8080',
			HOST: '0.0.0.0',
			DATA_DIR: '/srv/portail',
			PUBLIC_URL: 'https://portail.example.fr/',
			SMTP_URL: 'smtp://user:pass@mail.example.fr:587',
			MAIL_FROM: 'Mairie <mairie@example.fr>',
			TOWN_NAME: 'Ville de Samer'
		});
		expect(config).toMatchObject({
			port: 8080,
			host: '0.0.0.0',
			dataDir: '/srv/portail',
			publicUrl: 'https://portail.example.fr',
			smtpUrl: 'smtp://user:pass@mail.example.fr:587',
			mailFrom: 'Mairie <mairie@example.fr>',
			townName: 'Ville de Samer'
		});
	});

	it('treats an empty variable as unset', () => {
		expect(loadConfig({ PORT: '', SMTP_URL: '' }).port).toBe(3000);
	});

	it('names each bad value in French', () => {
		expect(problems({ PORT: 'abc' })).toEqual(['PORT doit être un nombre']);
		expect(problems({ PORT: '70000' })).toEqual(['PORT doit être compris entre 1 et 65535']);
		expect(problems({ PUBLIC_URL: 'portail' })).toEqual([
			'PUBLIC_URL doit être une adresse http(s) complète'
		]);
		expect(problems({ SMTP_URL: 'mail.example.fr' })).toEqual([
			'SMTP_URL doit commencer par smtp:// ou smtps://'
		]);
		expect(problems({ NODE_ENV: 'staging' })[0]).toMatch(/^NODE_ENV /);
		expect(problems({ PORT: 'x', TOWN_NAME: 'A' })).toHaveLength(2);
	});

	it('refuses the test clock outside tests', () => {
		expect(problems({ TEST_NOW: '2026-09-01T08:00:00Z' })).toEqual([
			"TEST_NOW n'est accepté qu'avec NODE_ENV=test"
		]);
		expect(loadConfig({ NODE_ENV: 'test', TEST_NOW: '2026-09-01T08:00:00Z' }).testNow).toBe(
			'2026-09-01T08:00:00Z'
		);
	});

	it('stops the server with exit code 1 and a clear message on a bad value', () => {
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
			env: { ...process.env, PORT: 'abc', DATA_DIR: '/tmp/portail-never-created' },
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Configuration invalide');
		expect(result.stderr).toContain('PORT doit être un nombre');
	});
});
