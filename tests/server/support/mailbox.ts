import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type OutboxMail = { file: string; to: string; subject: string; raw: string; text: string };

/** Undoes quoted-printable soft breaks and escapes, enough to read links and words in a test. */
export function decodeQuotedPrintable(raw: string): string {
	return Buffer.from(
		raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`),
		'utf8'
	)
		.toString()
		.replace(/(%[0-9A-F]{2})+/g, (seq) => {
			try {
				return decodeURIComponent(seq);
			} catch {
				return seq;
			}
		});
}

/** The .eml files the outbox mailer wrote, oldest first. */
export function readOutbox(dataDir: string): OutboxMail[] {
	const dir = join(dataDir, 'outbox');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.sort()
		.map((name) => {
			const raw = readFileSync(join(dir, name), 'utf8');
			// Long headers are folded over several lines (RFC 5322): unfold them before reading.
			const head = (raw.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
			const header = (key: string) => head.match(new RegExp(`^${key}: (.*)$`, 'mi'))?.[1]?.trim() ?? '';
			const subject = header('Subject');
			return {
				file: name,
				to: header('To'),
				subject: /=\?utf-8\?/i.test(subject) ? decodeMimeWords(subject) : subject,
				raw,
				text: decodeQuotedPrintable(raw)
			};
		});
}

function decodeMimeWords(value: string): string {
	return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
		enc.toUpperCase() === 'B'
			? Buffer.from(data, 'base64').toString('utf8')
			: decodeQuotedPrintable(data.replace(/_/g, ' '))
	);
}

/** The token of the first link to `path` in a mail (`…/path?jeton=…`). */
export function tokenFrom(mail: OutboxMail | undefined, path: string): string {
	const match = mail?.text.match(new RegExp(`${path.replace(/\//g, '\\/')}\\?jeton=([a-z2-7]+)`));
	if (!match?.[1]) throw new Error(`Aucun lien ${path} dans le courriel « ${mail?.subject ?? '(aucun)'} »`);
	return match[1];
}
