/** The server's only source of "now": rules and tests never read Date.now() directly. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `iso`; `set` moves it (tests move "today" past a deadline). */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
	let current = new Date(iso);
	return {
		now: () => new Date(current.getTime()),
		set(next: string) {
			current = new Date(next);
		}
	};
}
