import { describe, expect, it } from 'vitest';
import { testApp } from './support/test-app.ts';

describe('GET /api/health', () => {
	it('answers ok after a real database query, with the server clock', async () => {
		const { app } = await testApp({ now: '2026-11-28T09:00:00Z' });
		const res = await app.request('/api/health');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/json');
		expect(await res.json()).toEqual({
			status: 'ok',
			time: '2026-11-28T09:00:00.000Z',
			database: { migrations: 4 }
		});
	});

	it('fails loudly (500, JSON, no stack) when the database is gone', async () => {
		const { app, db } = await testApp();
		await db.destroy();
		const res = await app.request('/api/health');
		expect(res.status).toBe(500);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('internal_error');
		expect(JSON.stringify(body)).not.toContain('at ');
	});
});
