import type { StoredAccount } from '../offline/database.ts';

type Account = StoredAccount['account'];
type Message = { account: Account | null };

const NAME = 'portail-session';

/**
 * Tells the portal's other open tabs that the signed-in account changed (signed in, signed out,
 * another account), so none keeps showing a session that ended. A tab does not hear its own messages.
 */
export class SessionChannel {
	#channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(NAME);

	announce(account: Account | null): void {
		// A plain copy: the page's reactive state is a proxy, which a message cannot carry.
		const copy = account && { ...account };
		this.#channel?.postMessage({ account: copy } satisfies Message);
	}

	listen(onChange: (account: Account | null) => void): void {
		if (this.#channel)
			this.#channel.onmessage = (event: MessageEvent<Message>) => onChange(event.data.account ?? null);
	}
}
