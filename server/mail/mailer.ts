import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';

export type MailMessage = { to: string; subject: string; text: string; html: string };
export type SentMail = { messageId: string; file?: string };
export type Mailer = { send(message: MailMessage): Promise<SentMail>; close(): void };

/**
 * Real SMTP when SMTP_URL is set; otherwise each message, fully built by nodemailer, is written as an
 * .eml file in DATA_DIR/outbox, so a demo or a town testing the portal sees every e-mail without
 * a mail server (any mail client opens .eml files).
 */
export function createMailer(options: { smtpUrl: string; from: string; outboxDir: string }): Mailer {
	if (options.smtpUrl) {
		const transport = lazyTransport(options.smtpUrl);
		return {
			async send(message) {
				const info = await (await transport.get()).sendMail({ from: options.from, ...message });
				return { messageId: info.messageId };
			},
			close: transport.close
		};
	}
	const transport = lazyTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	return {
		async send(message) {
			const info = await (await transport.get()).sendMail({ from: options.from, ...message });
			await mkdir(options.outboxDir, { recursive: true });
			const stamp = new Date().toISOString().replace(/[:.]/g, '-');
			const file = join(options.outboxDir, `${stamp}-${randomUUID().slice(0, 8)}.eml`);
			await writeFile(file, info.message as Buffer);
			console.info(`[courriel] « ${message.subject} » pour ${message.to} écrit dans ${file}`);
			return { messageId: info.messageId, file };
		},
		close: transport.close
	};
}

/**
 * nodemailer is loaded with the first message, not at start: most of the time a portal sends none,
 * and loading it costs the idle server about 5 MiB (issue 11).
 */
function lazyTransport(settings: string | { streamTransport: true; buffer: true; newline: 'unix' }) {
	let transport: Promise<Transporter> | null = null;
	return {
		get: () =>
			(transport ??= import('nodemailer').then(({ default: nodemailer }) =>
				typeof settings === 'string'
					? nodemailer.createTransport(settings)
					: nodemailer.createTransport(settings)
			)),
		close: () => void transport?.then((t) => t.close())
	};
}
