import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type LoadOptions = {
	url: string;
	connections: number;
	seconds: number;
	requests: { path: string; headers: Record<string, string> }[];
};
export type LoadResult = {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	total: number;
	non2xx: number;
	errors: number;
};

const CHILD = fileURLToPath(new URL('./load-child.ts', import.meta.url));

/** Runs autocannon in a child process (the servers stay alone in this one) and returns its figures. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
	return new Promise((resolve, reject) => {
		const child = fork(CHILD, { execArgv: ['--import', 'tsx'] });
		let result: LoadResult | undefined;
		child.once('message', (message) => (result = message as LoadResult));
		child.once('error', reject);
		child.once('exit', (code) =>
			result ? resolve(result) : reject(new Error(`générateur de charge arrêté (code ${code})`))
		);
		child.send(options);
	});
}
