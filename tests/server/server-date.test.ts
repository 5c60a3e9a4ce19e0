import { describe, expect, it } from 'vitest';
import { pullRequest, dupins } from './support/agenda.ts';
import { testApp } from './support/test-app.ts';

/** The agenda takes the API's Date header as the server's time: it must be the clock the rules use. */
describe("the API's Date header", () => {
	it("says the server's clock, also on a pull answered from memory", async () => {
		const { ctx, client } = await dupins('2026-11-30T09:30:00Z');
		const first = await pullRequest(client, '2026-12-01', '2026-12-31');
		expect(first.status).toBe(200);
		expect(first.headers.get('Date')).toBe('Mon, 30 Nov 2026 09:30:00 GMT');
		ctx.clock.set('2026-11-30T09:41:07Z');
		const again = await pullRequest(client, '2026-12-01', '2026-12-31');
		expect(again.headers.get('Date')).toBe('Mon, 30 Nov 2026 09:41:07 GMT');
	});

	it('is on errors too', async () => {
		const { app } = await testApp({ now: '2026-11-30T09:30:00Z' });
		const res = await app.request('/api/sync/pull?from=2026-12-01&to=2026-12-31&schemaVersion=1');
		expect(res.status).toBe(401);
		expect(res.headers.get('Date')).toBe('Mon, 30 Nov 2026 09:30:00 GMT');
	});
});
