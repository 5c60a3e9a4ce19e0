/**
 * The town's name, set by the server (TOWN_NAME) into the page it serves, so the header shows it at
 * first paint, online or from the offline shell. The catalogue answer carries it too, for the dev
 * server, which serves the page without it.
 */
export function townNameFromPage(doc: Document = document): string | null {
	const value = doc.querySelector('meta[name="town-name"]')?.getAttribute('content') ?? '';
	return value && !value.includes('%') ? value : null;
}

/** Whether the server said this is the demonstration portal (DEMO), in the page it serves. */
export function demoFromPage(doc: Document = document): boolean {
	return doc.querySelector('meta[name="portail-demo"]')?.getAttribute('content') === 'true';
}
