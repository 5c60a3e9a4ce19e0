import { describe, expect, it } from 'vitest';
import {
	audienceOf,
	precacheGroups,
	precachePlan,
	type BuiltChunk
} from '../../src/lib/pwa/precache-groups.ts';

const R = '/app/src/routes';
const chunk = (file: string, modules: string[], more: Partial<BuiltChunk> = {}): BuiltChunk => ({
	file,
	modules,
	imports: [],
	dynamicImports: [],
	assets: [],
	...more
});

/** A small app: the entry names every page (the router), pages share a runtime and Dexie. */
const graph: BuiltChunk[] = [
	chunk('entry.js', ['/app/.svelte-kit/generated/client-optimized/app.js'], {
		imports: ['runtime.js'],
		dynamicImports: ['home.js', 'signup.js', 'agenda.js', 'queue.js', 'activation.js']
	}),
	chunk('runtime.js', ['/app/node_modules/svelte/src/index.js']),
	chunk('home.js', [`${R}/+page.svelte`], {
		imports: ['runtime.js', 'device.js'],
		dynamicImports: ['owner.js'],
		assets: ['home.css']
	}),
	// Shared, loaded later by a public page, and loading the families' database: that stays theirs.
	chunk('owner.js', ['/app/src/lib/accounts/device-owner.ts'], { imports: ['dexie.js'] }),
	// Lives with the families' offline code, but a public page imports it.
	chunk('device.js', ['/app/src/lib/offline/database-name.ts']),
	chunk('signup.js', [`${R}/creer-mon-compte/formulaire/+page.svelte`], {
		imports: ['runtime.js', 'zod.js'],
		dynamicImports: ['altcha.js']
	}),
	chunk('altcha.js', ['/app/node_modules/altcha/dist/external/altcha.js'], {
		imports: ['runtime.js', 'altcha-only.js'],
		assets: ['altcha.css', 'sha-worker.js']
	}),
	chunk('altcha-only.js', ['/app/node_modules/altcha/dist/lib.js']),
	chunk('zod.js', ['/app/node_modules/zod/v4/core/core.js']),
	chunk('agenda.js', [`${R}/(citoyen)/agenda/+page.svelte`], {
		imports: ['runtime.js', 'zod.js'],
		dynamicImports: ['dexie.js']
	}),
	chunk('dexie.js', ['/app/node_modules/dexie/dist/dexie.js', '/app/src/lib/offline/database.ts']),
	chunk('queue.js', [`${R}/admin/demandes/+page.svelte`], { imports: ['runtime.js', 'backoffice.js'] }),
	chunk('backoffice.js', ['/app/src/lib/components/backoffice/AdminNav.svelte']),
	chunk('activation.js', [`${R}/activation/+page.svelte`], { imports: ['runtime.js', 'passwords.js'] }),
	chunk('passwords.js', ['/app/src/lib/domain/accounts/common-passwords.ts'])
];

describe('precache groups', () => {
	it('says who each source module is for, from where it lives', () => {
		expect(audienceOf(`${R}/connexion/+page.svelte`)).toBe('public');
		expect(audienceOf(`${R}/(citoyen)/profil/+page.svelte`)).toBe('famille');
		expect(audienceOf(`${R}/admin/+layout.svelte`)).toBe('agent');
		expect(audienceOf('/app/node_modules/altcha/dist/main.js')).toBe('reseau');
		expect(audienceOf(`${R}/mot-de-passe/nouveau/+page.svelte`)).toBe('reseau');
		expect(audienceOf(`${R}/identifiants-perdus/+page.svelte`)).toBe('reseau');
		expect(audienceOf('/app/src/lib/offline/catalog-shelf.ts')).toBeNull();
		expect(audienceOf('/app/src/lib/offline/sync-engine.ts')).toBe('famille');
		expect(audienceOf('/app/src/lib/domain/catalog/catalog.ts')).toBeNull();
	});

	it('keeps for later what only the signed-in pages load, and never what only altcha loads', () => {
		expect(precacheGroups(graph)).toEqual({
			famille: ['agenda.js', 'dexie.js'],
			agent: ['backoffice.js', 'queue.js'],
			reseau: ['activation.js', 'altcha-only.js', 'altcha.css', 'altcha.js', 'passwords.js', 'sha-worker.js']
		});
	});

	it('a file the public pages need too is downloaded at install, whoever else needs it', () => {
		const groups = precacheGroups(graph);
		for (const shared of ['runtime.js', 'zod.js', 'home.css', 'entry.js', 'signup.js', 'device.js'])
			expect([...groups.famille, ...groups.agent, ...groups.reseau]).not.toContain(shared);
	});

	it('splits the worker’s list; a file no group names, or no groups at all, is downloaded at install', () => {
		const build = ['/entry.js', '/agenda.js', '/queue.js', '/altcha.js', '/unknown.js'];
		const groups = { famille: ['agenda.js'], agent: ['queue.js'], reseau: ['altcha.js'] };
		expect(precachePlan(build, groups)).toEqual({
			install: ['/entry.js', '/unknown.js'],
			famille: ['/agenda.js'],
			agent: ['/queue.js']
		});
		expect(precachePlan(build, null)).toEqual({ install: build, famille: [], agent: [] });
	});
});
