import type { Mailer, MailMessage } from './mailer.ts';

/**
 * Sends e-mails after the HTTP answer, so that an answer never takes longer because an account
 * exists (recovery must not tell who has an account). `drain` lets tests and shutdown wait.
 */
export class MailQueue {
	#pending = new Set<Promise<void>>();

	constructor(private readonly mailer: Mailer) {}

	enqueue(message: MailMessage): void {
		this.#track(
			this.mailer
				.send(message)
				.then(() => undefined)
				.catch((err: unknown) => console.error(`[courriel] échec de l'envoi à ${message.to}`, err))
		);
	}

	/**
	 * Runs `compose` once the current answer has gone (on the event loop's next turn), then sends
	 * the e-mails it gives: work done only when there is someone to write to (a link to store, an
	 * e-mail to write) never shows in how long the answer took. A failure is logged.
	 */
	later(compose: () => Promise<MailMessage[]> | MailMessage[]): void {
		this.#track(
			new Promise<void>((resolve) => setImmediate(resolve))
				.then(compose)
				.then((messages) => {
					for (const message of messages) this.enqueue(message);
				})
				.catch((err: unknown) => console.error("[courriel] échec de la préparation d'un courriel", err))
		);
	}

	#track(task: Promise<void>): void {
		const tracked = task.finally(() => this.#pending.delete(tracked));
		this.#pending.add(tracked);
	}

	async drain(): Promise<void> {
		while (this.#pending.size > 0) await Promise.all([...this.#pending]);
	}
}
