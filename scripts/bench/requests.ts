import type { AppDeps } from '../../server/deps.ts';
import { int, ms, type Line } from './report.ts';
import { LARGE_UPLOAD_BYTES, measureUploadMemory, PARALLEL_UPLOADS } from './requests-memory.ts';
import { measureRequestsPull, REQUESTS_PULL } from './requests-pull.ts';
import { ATTACHMENT_BYTES, measureSubmission, SUBMIT_ROUNDS } from './requests-submit.ts';
import { UPLOAD_SLOTS } from '../../server/documents/upload-gate.ts';

const MiB = 2 ** 20;

/** Issue 9's figures (Mes demandes, a fiche enfant sent with its files, uploads' memory), printed. */
export async function benchRequests(
	deps: AppDeps,
	appUrl: string,
	helloUrl: string,
	passwordHash: string
): Promise<Line[]> {
	console.log(`\nMes demandes : GET ${REQUESTS_PULL}, mêmes 50 connexions, en tours avec le hello-world`);
	const pull = await measureRequestsPull(deps, appUrl, helloUrl);
	const fullRatio = pull.full.requestsPerSecond / pull.hello.requestsPerSecond;
	const unchangedRatio = pull.unchanged.requestsPerSecond / pull.hello.requestsPerSecond;
	const clean = [pull.hello, pull.full, pull.unchanged].every(
		(r) => r.total > 0 && r.errors + r.non2xx === 0
	);
	const fullName = `réponse complète (sans known, ${pull.households} foyers)`;
	const unchangedName = 'réponse inchangée (known = version)';
	for (const [name, r] of [
		['hello-world', pull.hello],
		[fullName, pull.full],
		[unchangedName, pull.unchanged]
	] as const) {
		console.log(
			`  ${name.padEnd(44)} ${int(r.requestsPerSecond).padStart(7)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ` +
				`CPU du serveur ${r.cpuMicros.toFixed(0)} µs/requête (${int(r.total)} requêtes, ${r.non2xx} non-2xx, ${r.errors} erreurs)`
		);
	}
	console.log(
		`  réponse complète : ${pull.full.demandes} demandes, ${int(pull.full.json)} octets de JSON, ${int(pull.full.wire)} transmis (gzip) ; ` +
			`réponse inchangée : ${int(pull.unchanged.json)} octets de JSON, ${int(pull.unchanged.wire)} transmis`
	);
	console.log(
		`  Mes demandes / hello-world : complète ${(fullRatio * 100).toFixed(0)} %, inchangée ${(unchangedRatio * 100).toFixed(0)} %`
	);

	console.log(
		`\nFiche enfant envoyée avec deux justificatifs de ${ATTACHMENT_BYTES / MiB} Mo (PDF) : deux PUT /api/documents puis ` +
			`le push demande.submit.v1, en HTTP, ${SUBMIT_ROUNDS} essais après un échauffement`
	);
	const submission = await measureSubmission(deps, appUrl, passwordHash);
	console.log(
		`  échauffement ${ms(submission.warmUpMs)} ; p50 ${ms(submission.p50)}, p95 ${ms(submission.p95)} ` +
			`(de ${ms(Math.min(...submission.roundsMs))} à ${ms(Math.max(...submission.roundsMs))})`
	);

	console.log(
		`\n${PARALLEL_UPLOADS} envois de ${LARGE_UPLOAD_BYTES / MiB} Mo en même temps, de ${PARALLEL_UPLOADS} foyers ` +
			`chacun de sa propre adresse (porte des envois : ${UPLOAD_SLOTS.town} à la fois dans la commune, ` +
			`${UPLOAD_SLOTS.household} par foyer, ${UPLOAD_SLOTS.address} par adresse)`
	);
	const memory = await measureUploadMemory(deps, appUrl);
	const growth = memory.peakMiB - memory.beforeMiB;
	console.log(
		`  mémoire du serveur (RSS, ${memory.samples} relevés toutes les 20 ms) : avant ${int(memory.beforeMiB)} Mio, ` +
			`au plus ${int(memory.peakMiB)} Mio, soit +${int(growth)} Mio ; ${memory.accepted} reçus, ` +
			`${memory.refused} refusés (503, porte pleine) en ${ms(memory.ms)}`
	);
	console.log(
		`  tas JavaScript et tampons (heapUsed + external) : avant ${int(memory.heldBeforeMiB)} Mio, ` +
			`au plus ${int(memory.heldPeakMiB)} Mio, soit +${int(memory.heldPeakMiB - memory.heldBeforeMiB)} Mio`
	);
	if (memory.refused > 0)
		console.log(
			`  la porte de la commune (${UPLOAD_SLOTS.town}) a refusé ${memory.refused} des ${PARALLEL_UPLOADS} envois`
		);

	return [
		{
			label: 'Mes demandes, réponse complète : débit',
			value: `${int(pull.full.requestsPerSecond)} req/s (${(fullRatio * 100).toFixed(0)} %), p50 ${pull.full.p50} ms, p99 ${pull.full.p99} ms, ${int(pull.full.wire)} o`,
			target: '≥ 40 % du hello-world',
			met: clean && fullRatio >= 0.4
		},
		{
			label: 'Mes demandes, réponse inchangée : débit',
			value: `${int(pull.unchanged.requestsPerSecond)} req/s (${(unchangedRatio * 100).toFixed(0)} %), p50 ${pull.unchanged.p50} ms, p99 ${pull.unchanged.p99} ms, ${int(pull.unchanged.wire)} o`,
			target: '≥ 40 % du hello-world',
			met: clean && unchangedRatio >= 0.4
		},
		{
			label: 'Fiche enfant + 2 × 2 Mo : p50 (p95)',
			value: `${ms(submission.p50)} (${ms(submission.p95)})`,
			target: 'p50 < 150 ms',
			met: submission.p50 < 150
		},
		{
			label: `${memory.accepted} envois de 10 Mo en parallèle : RSS`,
			value: `+${int(growth)} Mio (${int(memory.beforeMiB)} → ${int(memory.peakMiB)}), tas et tampons +${int(memory.heldPeakMiB - memory.heldBeforeMiB)} Mio${memory.refused ? `, ${memory.refused} refusés` : ''}`,
			target: '< 100 Mio',
			met: growth < 100 && memory.refused === 0
		}
	];
}
