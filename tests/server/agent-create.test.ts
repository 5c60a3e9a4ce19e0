import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { readOutbox, tokenFrom } from './support/mailbox.ts';
import { tempDir } from './support/test-app.ts';

const run = promisify(execFile);

/** `npm run agent:create -- …` as an administrator types it, on its own DATA_DIR. */
function agentCreate(dataDir: string, args: string[]) {
	return run('node', ['--import', 'tsx', 'scripts/agent-create.ts', ...args], {
		env: { ...process.env, DATA_DIR: dataDir, SMTP_URL: '', NODE_ENV: 'production' }
	}).then(
		(done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
		(err: { code: number; stdout: string; stderr: string }) => ({
			code: err.code,
			stdout: err.stdout,
			stderr: err.stderr
		})
	);
}

describe('npm run agent:create', () => {
	it('creates an administrator without a password and writes the activation mail to the outbox', async () => {
		const dataDir = tempDir();
		const done = await agentCreate(dataDir, ['--email', 'Chef@Mairie.example.fr', '--name', 'Jeanne Martin']);
		expect(done.code, done.stderr).toBe(0);
		expect(done.stdout).toContain(
			'Compte administrateur créé pour Jeanne Martin : identifiant jeanne.martin.'
		);
		const [mail] = readOutbox(dataDir);
		expect(mail?.to).toBe('chef@mairie.example.fr');
		expect(mail?.subject).toMatch(/^Activez votre compte agent/);
		expect(tokenFrom(mail, '/mot-de-passe/nouveau')).toMatch(/^[a-z2-7]{52}$/);
		const { db } = openDatabase(dataDir);
		try {
			const account = await db
				.selectFrom('account')
				.select(['role', 'username', 'password_hash'])
				.where('email', '=', 'chef@mairie.example.fr')
				.executeTakeFirstOrThrow();
			expect(account).toEqual({
				role: 'administrateur',
				username: 'jeanne.martin',
				password_hash: '!en-attente-d-activation'
			});
		} finally {
			await db.destroy();
		}
		// The same e-mail again: told in French, exit code 1, no second mail.
		const again = await agentCreate(dataDir, [
			'--email',
			'chef@mairie.example.fr',
			'--name',
			'Autre Personne'
		]);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('Cette adresse électronique est déjà celle d’un compte du portail.');
		expect(readOutbox(dataDir)).toHaveLength(1);
	}, 60_000);

	it('says what is missing or wrong, with exit code 1', async () => {
		const dataDir = tempDir();
		const missing = await agentCreate(dataDir, ['--name', 'Jeanne Martin']);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('Indiquez l’adresse électronique (--email) et le nom (--name).');
		const role = await agentCreate(dataDir, [
			'--email',
			'a@b.fr',
			'--name',
			'Jeanne Martin',
			'--role',
			'chef'
		]);
		expect(role.code).toBe(1);
		expect(role.stderr).toContain('--role : Choisissez le rôle : agent ou administrateur.');
		const agent = await agentCreate(dataDir, [
			'--email',
			'a@b.fr',
			'--name',
			'Paul Durand',
			'--role',
			'agent'
		]);
		expect(agent.stdout).toContain('Compte agent créé pour Paul Durand');
	}, 60_000);
});
