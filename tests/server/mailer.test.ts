import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMailer } from '../../server/mail/mailer.ts';
import { tempDir } from './support/test-app.ts';

describe('mailer without SMTP_URL', () => {
	it('writes each message as an .eml file in the outbox', async () => {
		const outboxDir = join(tempDir(), 'outbox');
		const mailer = createMailer({ smtpUrl: '', from: 'Mairie de Test <mairie@test.fr>', outboxDir });
		const sent = await mailer.send({
			to: 'pascal.dupin@example.fr',
			subject: 'Activez votre compte',
			text: 'Bonjour Pascal',
			html: '<p>Bonjour Pascal</p>'
		});
		mailer.close();
		const files = readdirSync(outboxDir);
		expect(files).toHaveLength(1);
		expect(sent.file).toBe(join(outboxDir, files[0] ?? ''));
		const eml = readFileSync(sent.file ?? '', 'utf8');
		expect(eml).toContain('To: pascal.dupin@example.fr');
		expect(eml).toContain('Subject: Activez votre compte');
		expect(eml).toContain('From: Mairie de Test <mairie@test.fr>');
		expect(eml).toContain('Bonjour Pascal');
	});
});
