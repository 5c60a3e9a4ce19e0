import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionDraftStore } from '../../src/lib/components/form/draft-store.ts';

/** A tab's sessionStorage, as the browser gives it. */
class MemoryStorage {
	#items = new Map<string, string>();
	getItem = (key: string) => this.#items.get(key) ?? null;
	setItem = (key: string, value: string) => void this.#items.set(key, value);
	removeItem = (key: string) => void this.#items.delete(key);
}

beforeEach(() => {
	(globalThis as { sessionStorage?: unknown }).sessionStorage = new MemoryStorage();
});
afterEach(() => {
	delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
});

describe('a draft kept in the tab (sessionStorage)', () => {
	it('gives back what was saved, until removed', async () => {
		const store = sessionDraftStore<{ value: { nom: string }; step: string }>('brouillon');
		expect(await store.load()).toBeUndefined();
		await store.save({ value: { nom: 'Lefebvre' }, step: 'recapitulatif' });
		expect(await sessionDraftStore('brouillon').load()).toEqual({
			value: { nom: 'Lefebvre' },
			step: 'recapitulatif'
		});
		await store.remove();
		expect(await store.load()).toBeUndefined();
	});

	it('treats a damaged copy as no draft rather than failing the form', async () => {
		sessionStorage.setItem('brouillon', '{"value": ');
		expect(await sessionDraftStore('brouillon').load()).toBeUndefined();
	});
});
