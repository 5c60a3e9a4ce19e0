// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		/** What a page tells the next one it leads to (history state: Back shows it again). */
		interface PageState {
			/** Mes demandes' status line: "Le brouillon … a été supprimé." */
			said?: string;
		}
	}
}

export {};
