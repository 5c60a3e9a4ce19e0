import { describe, expect, it } from 'vitest';
import { withSignedInPascal as pascal } from '../support/profile.ts';
import { TestClient } from '../support/http-client.ts';

/**
 * Every route of the back office, read from the app itself (so a route added tomorrow is tried
 * too): signed out it answers 401, to a family 403, before it reads anything.
 */
describe('every /api/admin route keeps families and visitors out', () => {
	it('answers 401 signed out and 403 to a family, for each route and method', async () => {
		const { ctx, client } = await pascal();
		const routes = ctx.app.routes
			.filter((r) => r.path.startsWith('/api/admin/') && r.method !== 'ALL' && !r.path.endsWith('*'))
			.map((r) => ({ method: r.method, path: r.path.replace(/:[a-zA-Z]+(\{[^}]*\})?/g, '1') }));
		const unique = [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()];
		// The sections built so far: the tableau de bord and Familles at least.
		expect(unique.length).toBeGreaterThanOrEqual(4);
		const visitor = new TestClient(ctx.app);
		for (const { method, path } of unique) {
			const body = method === 'GET' ? undefined : {};
			const signedOut = await visitor.request(method, path, body);
			expect(signedOut.status, `${method} ${path} signed out`).toBe(401);
			const family = await client.request(method, path, body);
			expect(family.status, `${method} ${path} as a family`).toBe(403);
			expect(((await family.json()) as { error: { code: string } }).error.code).toBe('agents_only');
		}
	});
});
