import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type LoadOptions = {
	url: string;
	connections: number;
	seconds: number;
	requests: { path: string; headers: Record<string, string> }[];
	/**
	 * Each request of the list sent once, and no more: each connection is given its own share of
	 * the list and stops at its end (then `seconds` is only a bound, and the rate is counted from
	 * the time the whole list took).
	 */
	once?: boolean;
};
export type LoadResult = {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	total: number;
	non2xx: number;
	errors: number;
	/** CPU time of this process (where the servers run) per request answered, in µs. */
	cpuMicros: number;
};

/** What the load generator itself measures. */
export type Measured = Omit<LoadResult, 'cpuMicros'>;

/** Runs of the same length as one: mean throughput, the worst p50 and p99, totals. */
export function combine(runs: LoadResult[]): LoadResult {
	const sum = (pick: (r: LoadResult) => number) => runs.reduce((total, r) => total + pick(r), 0);
	const total = sum((r) => r.total);
	return {
		requestsPerSecond: sum((r) => r.requestsPerSecond) / runs.length,
		p50: Math.max(...runs.map((r) => r.p50)),
		p99: Math.max(...runs.map((r) => r.p99)),
		total,
		non2xx: sum((r) => r.non2xx),
		errors: sum((r) => r.errors),
		cpuMicros: sum((r) => r.cpuMicros * r.total) / total
	};
}

const CHILD = fileURLToPath(new URL('./load-child.ts', import.meta.url));

/** Runs autocannon in a child process (the servers stay alone in this one) and returns its figures. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
	return new Promise((resolve, reject) => {
		const child = fork(CHILD, { execArgv: ['--import', 'tsx'] });
		let result: Measured | undefined;
		let cpu: NodeJS.CpuUsage | undefined;
		child.once('message', (message) => {
			result = message as Measured;
			cpu = process.cpuUsage(cpu);
		});
		child.once('spawn', () => (cpu = process.cpuUsage()));
		child.once('error', reject);
		child.once('exit', (code) =>
			result && cpu
				? resolve({ ...result, cpuMicros: (cpu.user + cpu.system) / Math.max(1, result.total) })
				: reject(new Error(`générateur de charge arrêté (code ${code})`))
		);
		child.send(options);
	});
}

/**
 * Runs `measure` while `step` runs `perSecond` times a second (one at a time, paced from each
 * start), and says how many steps were done meanwhile. A failed step fails the measure: a figure
 * taken without its background work would mean nothing.
 */
export async function whilePaced<T>(
	perSecond: number,
	step: (n: number) => Promise<void>,
	measure: () => Promise<T>
): Promise<{ result: T; steps: number }> {
	let steps = 0;
	let running = true;
	const background = (async () => {
		for (let n = 1; running; n++) {
			const next = performance.now() + 1000 / perSecond;
			await step(n);
			steps++;
			await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
		}
	})();
	let failed: unknown;
	const stopped = background.catch((error: unknown) => (failed = error));
	try {
		const result = await measure();
		if (failed) throw failed;
		return { result, steps };
	} finally {
		running = false;
		await stopped;
	}
}
