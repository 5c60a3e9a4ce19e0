/** The pages the web benchmark loads, and what "the main content" is on each (all must be visible). */
export type Account = { identifiant: string; motDePasse: string };
export type WebPage = {
	/** What BENCH_PAGES names it by. */
	key: string;
	name: string;
	/** The deep link; `{draft}` is the fiche enfant draft made once before the runs. */
	path: string;
	/** Visible together means the person sees what he came for. */
	selectors: string[];
	account: Account | null;
};

export const PARENT: Account = { identifiant: 'pascal.dupin', motDePasse: 'Hesdigneul62' };
export const AGENT: Account = { identifiant: 'agent.mairie', motDePasse: 'Hesdigneul62' };

export const PORTAL_PAGES: WebPage[] = [
	// The catalogue's procedures, read from the API: what the home is for.
	{
		key: 'accueil',
		name: 'accueil /',
		path: '/',
		selectors: ['section.catalog ul.procedures li a'],
		account: null
	},
	{
		key: 'connexion',
		name: '/connexion',
		path: '/connexion',
		selectors: ['form.panel input', 'form.panel button'],
		account: null
	},
	// The month's day grid and the selected day's activities with their state, from the pull.
	{
		key: 'agenda',
		name: 'agenda (lien direct)',
		path: '/agenda',
		selectors: ['table.month tbody button[data-date]', 'section.day li.activity'],
		account: PARENT
	},
	// On a phone the table is a list of blocks (the wide table is for larger screens).
	{
		key: 'demandes',
		name: 'Mes demandes',
		path: '/demandes',
		selectors: [':is(table.wide tbody tr, ul.blocks li)'],
		account: PARENT
	},
	// A step of the form with its fields, the step list saying which one it is.
	{
		key: 'fiche',
		name: 'fiche enfant (étape)',
		path: '/demandes/{draft}/formulaire',
		selectors: ['nav.steps [aria-current="step"]', 'form :is(input, select, textarea)'],
		account: PARENT
	},
	{
		key: 'file',
		name: 'file des agents',
		path: '/admin/demandes',
		selectors: ['table tbody tr td a[href^="/admin/demandes/"]'],
		account: AGENT
	}
];

/** The empty shell's one page: its paragraph is drawn once its Dexie database has been read. */
export const SHELL_PAGE: WebPage = {
	key: 'coquille',
	name: 'coquille vide',
	path: '/',
	selectors: ['p[data-ready]'],
	account: null
};

/** The agenda, for the offline repeat load. */
export const AGENDA = PORTAL_PAGES[2]!;
