/**
 * Where a form keeps what was typed until it is sent. The form does not know which: a signed-out
 * form keeps it in the tab's sessionStorage (a shared computer must not keep a stranger's identity
 * on disk), a signed-in request engine in Dexie (it survives closing the tab; wiped at sign-out).
 */
export interface DraftStore<T> {
	load(): Promise<T | undefined>;
	save(value: T): Promise<void>;
	remove(): Promise<void>;
}

/** A draft in sessionStorage: this tab only, gone when it is closed. */
export function sessionDraftStore<T>(key: string): DraftStore<T> {
	const storage = () => (typeof sessionStorage === 'undefined' ? null : sessionStorage);
	return {
		async load() {
			const text = storage()?.getItem(key);
			if (!text) return undefined;
			try {
				return JSON.parse(text) as T;
			} catch {
				return undefined;
			}
		},
		async save(value) {
			storage()?.setItem(key, JSON.stringify(value));
		},
		async remove() {
			storage()?.removeItem(key);
		}
	};
}
