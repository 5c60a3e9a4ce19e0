import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FormState, SinglePress } from '../../src/lib/components/form/form-state.svelte.ts';

/** A promise the test resolves when it chooses: the "server" answers later. */
function later() {
	let resolve!: () => void;
	const promise = new Promise<void>((r) => (resolve = r));
	return { promise, resolve };
}

describe('a second press while the first is handled does nothing', () => {
	it('SinglePress runs the action once for two presses in the same tick', async () => {
		const press = new SinglePress();
		const answer = later();
		let runs = 0;
		const first = press.run(async () => {
			runs++;
			await answer.promise;
			return 'envoyé';
		});
		const second = press.run(async () => {
			runs++;
			return 'envoyé deux fois';
		});
		expect(press.busy).toBe(true);
		expect(await second).toBeUndefined();
		answer.resolve();
		expect(await first).toBe('envoyé');
		expect(runs).toBe(1);
		expect(press.busy).toBe(false);
		// Once answered, the next press is a new action.
		expect(await press.run(async () => 'encore')).toBe('encore');
	});

	it('FormState sends once for a double submit, then again after the answer', async () => {
		const form = new FormState();
		const answer = later();
		let sent = 0;
		const send = async () => {
			sent++;
			await answer.promise;
		};
		const schema = z.object({ nom: z.string() });
		const first = form.submit(schema, { nom: 'DUPIN' }, send);
		const second = form.submit(schema, { nom: 'DUPIN' }, send);
		expect(await second).toBe(false);
		answer.resolve();
		expect(await first).toBe(true);
		expect(sent).toBe(1);
		expect(await form.submit(schema, { nom: 'DUPIN' }, send)).toBe(true);
		expect(sent).toBe(2);
	});
});
