import type { Mailer, MailMessage } from './mailer.ts';

/**
 * Sends e-mails after the HTTP answer, so that an answer never takes longer because an account
 * exists (recovery must not tell who has an account). `drain` lets tests and shutdown wait.
 */
export class MailQueue {
	#pending = new Set<Promise<void>>();

	constructor(private readonly mailer: Mailer) {}

	enqueue(message: MailMessage): void {
		const task = this.mailer
			.send(message)
			.then(() => undefined)
			.catch((err: unknown) => console.error(`[courriel] échec de l'envoi à ${message.to}`, err))
			.finally(() => this.#pending.delete(task));
		this.#pending.add(task);
	}

	async drain(): Promise<void> {
		while (this.#pending.size > 0) await Promise.all([...this.#pending]);
	}
}
