import { mkdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

export type UploadDirs = { files: string; partial: string };

/**
 * DATA_DIR/uploads holds the files under server-made names, and its `partial/` folder what is
 * still arriving. Never under the built app, which is served to anyone: refused at start.
 * Called once as the app is made, before any upload runs: what a stopped server left half
 * written in `partial/` is removed then (no row ever points at it).
 */
export function uploadDirs(dataDir: string, appDir: string): UploadDirs {
	const files = resolve(dataDir, 'uploads');
	const fromApp = relative(resolve(appDir), files);
	if (!fromApp.startsWith('..') && !isAbsolute(fromApp)) {
		throw new Error(`Le dossier des justificatifs (${files}) ne doit pas être dans APP_DIR.`);
	}
	const partial = join(files, 'partial');
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	return { files, partial };
}
