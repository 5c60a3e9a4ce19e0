import { SMTPServer } from 'smtp-server';
import { decodeQuotedPrintable } from '../../server/support/mailbox.ts';

export type ReceivedMail = { to: string[]; raw: string; text: string; subject: string };

/**
 * A real SMTP server on a free port, the portal's SMTP_URL pointing at it: the e2e tests read the
 * e-mails a citizen would get, sent by nodemailer over SMTP.
 */
export class TestMailServer {
	readonly mails: ReceivedMail[] = [];
	#server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData: (stream, session, callback) => {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				const text = decodeQuotedPrintable(raw);
				const subject = decodeSubject(raw.match(/^Subject: (.*(?:\r?\n[ \t].*)*)$/im)?.[1] ?? '');
				this.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text, subject });
				callback();
			});
		}
	});
	port = 0;

	async start(): Promise<void> {
		await new Promise<void>((done) => this.#server.listen(0, '127.0.0.1', () => done()));
		const address = this.#server.server.address();
		this.port = typeof address === 'object' && address ? address.port : 0;
	}

	get url(): string {
		return `smtp://127.0.0.1:${this.port}/?ignoreTLS=true`;
	}

	async stop(): Promise<void> {
		await new Promise<void>((done) => this.#server.close(() => done()));
	}

	/** Waits for a mail to `to` whose subject starts with `subject`, and returns it. */
	async waitFor(to: string, subject: string, timeoutMs = 15_000): Promise<ReceivedMail> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const mail = this.mails.find((m) => m.to.includes(to) && m.subject.startsWith(subject));
			if (mail) return mail;
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(
			`Aucun courriel « ${subject}… » pour ${to} ; reçus : ${this.mails.map((m) => m.subject).join(' | ')}`
		);
	}
}

function decodeSubject(value: string): string {
	return value
		.replace(/\r?\n[ \t]/g, ' ')
		.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
			enc.toUpperCase() === 'B'
				? Buffer.from(data, 'base64').toString('utf8')
				: decodeQuotedPrintable(data.replace(/_/g, ' '))
		)
		.trim();
}

/** The first link of the portal to `path` in a mail, as an absolute URL. */
export function linkIn(mail: ReceivedMail, path: string): string {
	const match = mail.text.match(
		new RegExp(`https?://[^\\s"<>]+${path.replace(/\//g, '\\/')}\\?jeton=[a-z2-7]+`)
	);
	if (!match) throw new Error(`Aucun lien ${path} dans « ${mail.subject} »`);
	return match[0];
}
