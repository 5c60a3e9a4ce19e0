/**
 * Which built files the service worker downloads when: the public pages' files at install, a
 * family's pages once a family signs in on the device, the back office's once an agent does, and
 * never what needs the network anyway (the registration form's anti-robot check). Worked out at
 * build time from the bundle's import graph (vite.config.ts), so no list of hashed names is kept by
 * hand. Pure: the unit tests give it a small graph.
 */

/** A built chunk as the bundler describes it: its file, the modules in it, what it loads. */
export type BuiltChunk = {
	file: string;
	modules: string[];
	imports: string[];
	dynamicImports: string[];
	/** CSS and other files the chunk needs (its styles, a worker). */
	assets: string[];
};

/** The groups loaded on demand; a file in none of them is downloaded at install. */
export type PrecacheGroups = {
	/** Only a family's pages need these: downloaded once a family is signed in. */
	famille: string[];
	/** Only the back office needs these: downloaded once an agent is signed in. */
	agent: string[];
	/**
	 * Never downloaded ahead: needs the network when used (altcha, the pages an e-mail's link opens)
	 * and what only they load.
	 */
	reseau: string[];
};

export type Audience = 'public' | 'famille' | 'agent' | 'reseau';

/** Who a source module is for, from where it lives; null when it does not say (shared code). */
export function audienceOf(module: string): Audience | null {
	const path = module.replaceAll('\\', '/');
	if (/\/node_modules\/altcha\//.test(path)) return 'reseau';
	// Opened from an e-mail's link to confirm something with the server, or asking it to send one
	// (lost credentials): nothing they do works offline, where the error page says so.
	if (/\/src\/routes\/(activation|mot-de-passe|profil\/confirmer-courriel|identifiants-perdus)\//.test(path))
		return 'reseau';
	if (/\/src\/routes\/admin\//.test(path)) return 'agent';
	if (/\/src\/routes\/\(citoyen\)\//.test(path)) return 'famille';
	// The device's database and what fills it (sync, outbox, drafts) serve a signed-in family: a
	// visitor's pages keep only the catalogue, in localStorage (catalog-shelf.ts).
	if (/\/node_modules\/dexie\//.test(path)) return 'famille';
	if (/\/src\/lib\/offline\/(?!catalog-)/.test(path)) return 'famille';
	if (/\/src\/routes\//.test(path)) return 'public';
	// The app's entry (SvelteKit's generated start and app modules) opens every page.
	if (/\/\.svelte-kit\/generated\/client(-optimized)?\/app\.js$/.test(path)) return 'public';
	if (/\/@sveltejs\/kit\/src\/runtime\/client\/entry\.js$/.test(path)) return 'public';
	return null;
}

/**
 * A chunk's audience is the one of a route module it holds (a page's own code); a chunk holding
 * only shared code is reached from those. The altcha chunks are never a root of anyone: their
 * imports are fetched with them, when the registration form asks.
 */
export function precacheGroups(chunks: BuiltChunk[]): PrecacheGroups {
	const byFile = new Map(chunks.map((c) => [c.file, c]));
	const rootsOf = (audience: Audience) =>
		chunks.filter((c) => {
			const audiences = c.modules.map(audienceOf);
			if (audiences.includes('reseau')) return audience === 'reseau';
			return audiences.includes(audience);
		});
	/** Every file `roots` load, at once or later, without entering the chunks of `stopAt`. */
	const reach = (roots: BuiltChunk[], stopAt: Set<string>): Set<string> => {
		const seen = new Set<string>();
		const visit = (file: string) => {
			if (seen.has(file) || stopAt.has(file)) return;
			seen.add(file);
			const chunk = byFile.get(file);
			if (!chunk) return;
			for (const next of [...chunk.imports, ...chunk.dynamicImports, ...chunk.assets]) visit(next);
		};
		for (const root of roots) visit(root.file);
		return seen;
	};
	/**
	 * What `roots` import statically, whoever it seems to be for: they do not run without it (a
	 * module of src/lib/offline that the root layout imports is every page's).
	 */
	const atOnce = (roots: BuiltChunk[]): Set<string> => {
		const seen = new Set<string>();
		const visit = (file: string) => {
			if (seen.has(file)) return;
			seen.add(file);
			const chunk = byFile.get(file);
			if (chunk) for (const next of [...chunk.imports, ...chunk.assets]) visit(next);
		};
		for (const root of roots) visit(root.file);
		return seen;
	};
	const roots = {
		public: rootsOf('public'),
		famille: rootsOf('famille'),
		agent: rootsOf('agent'),
		reseau: rootsOf('reseau')
	};
	const files = (list: BuiltChunk[]) => list.map((c) => c.file);
	// The app's entry names every page's code (the router loads it on demand): the public pages
	// reach the others' only through their roots, where the walk stops.
	const reached = {
		public: new Set([
			...reach(roots.public, new Set(files([...roots.reseau, ...roots.famille, ...roots.agent]))),
			...atOnce(roots.public)
		]),
		famille: new Set([...reach(roots.famille, new Set(files(roots.reseau))), ...atOnce(roots.famille)]),
		agent: new Set([...reach(roots.agent, new Set(files(roots.reseau))), ...atOnce(roots.agent)])
	};
	const everyoneElse = new Set([...reached.public, ...reached.famille, ...reached.agent]);
	const only = (audience: 'famille' | 'agent') =>
		[...reached[audience]].filter((f) => !reached.public.has(f)).sort();
	return {
		famille: only('famille'),
		agent: only('agent'),
		// What the network-only code loads and nothing else does.
		reseau: [...reach(roots.reseau, new Set())].filter((f) => !everyoneElse.has(f)).sort()
	};
}

export type StagedGroup = 'famille' | 'agent';

/** What the service worker precaches when, out of its `build` list (URLs with a leading slash). */
export type PrecachePlan = { install: string[]; famille: string[]; agent: string[] };

/**
 * Splits the worker's build files by the groups; a file no group names is downloaded at install,
 * so a missing or stale description of the groups costs bytes, never an offline page.
 */
export function precachePlan(build: string[], groups: PrecacheGroups | null): PrecachePlan {
	const named = (list: string[] | undefined) => new Set((list ?? []).map((f) => `/${f.replace(/^\//, '')}`));
	const famille = named(groups?.famille);
	const agent = named(groups?.agent);
	const reseau = named(groups?.reseau);
	return {
		install: build.filter((url) => !famille.has(url) && !agent.has(url) && !reseau.has(url)),
		famille: build.filter((url) => famille.has(url)),
		agent: build.filter((url) => agent.has(url))
	};
}

/** The message a page sends its service worker once someone is signed in on the device. */
export type PrecacheMessage = { type: 'PRECACHE'; group: StagedGroup };
