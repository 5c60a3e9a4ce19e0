// The load generator, in a process of its own: autocannon parses every answer in JavaScript, and in
// the server's process it would take the event loop from the server it measures.
import autocannon from 'autocannon';
import type { LoadOptions, Measured } from './load.ts';

async function run(options: LoadOptions): Promise<Measured> {
	let client = 0;
	const share = Math.ceil(options.requests.length / options.connections);
	const started = performance.now();
	let lastAnswer = started;
	const cannon: autocannon.Options = {
		url: options.url,
		connections: options.connections,
		duration: options.seconds,
		// Once: the list in equal shares, each connection closed after its own.
		...(options.once ? { maxConnectionRequests: share, amount: options.requests.length } : {}),
		// Each connection walks the list from its own place: at any moment, different households.
		setupClient: (c) => {
			const start = (client++ * share) % options.requests.length;
			const rotated = [...options.requests.slice(start), ...options.requests.slice(0, start)];
			// Sent once, a connection is given only its share: autocannon builds every request it is
			// given before sending, and 50 copies of a list of thousands held the first answers back.
			const mine = options.once ? rotated.slice(0, share) : rotated;
			c.setRequests(mine.map((r) => ({ method: 'GET', path: r.path, headers: { ...r.headers } })));
		}
	};
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const running = autocannon(cannon, (error, done) => (error ? reject(error) : resolve(done)));
		// autocannon ends a run at its next one-second tick: a list sent once is timed to its last answer.
		running.on('response', () => (lastAnswer = performance.now()));
	});
	const seconds = ((options.once ? lastAnswer : performance.now()) - started) / 1000;
	return {
		// A list sent once lasts a second or two: autocannon's per-second samples would miss its ends.
		requestsPerSecond: options.once ? result.requests.total / seconds : result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		total: result.requests.total,
		non2xx: result.non2xx,
		errors: result.errors
	};
}

process.once('message', (options: LoadOptions) => {
	run(options).then(
		(result) => process.send?.(result, () => process.exit(0)),
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		}
	);
});
