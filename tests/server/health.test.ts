import { describe, expect, it, vi } from 'vitest';
import { migrations } from '../../migrations/index.ts';
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
			// Every migration of the list, whichever change added the last one.
			database: { migrations: Object.keys(migrations).length }
		});
	});

	it('fails loudly (500, JSON, no stack) when the database is gone, and logs the error', async () => {
		const { app, db } = await testApp();
		await db.destroy();
		// Caught rather than printed: a log still in flight when the file ends fails vitest's teardown.
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const res = await app.request('/api/health');
			expect(res.status).toBe(500);
			const body = (await res.json()) as { error: { code: string; message: string } };
			expect(body.error.code).toBe('internal_error');
			expect(JSON.stringify(body)).not.toContain('at ');
			expect(logged).toHaveBeenCalledWith('[erreur] GET /api/health', expect.any(Error));
		} finally {
			logged.mockRestore();
		}
	});
});
