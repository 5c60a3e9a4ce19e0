export type Line = { label: string; value: string; target: string; met?: boolean };

export const ms = (n: number) => `${n.toFixed(n < 100 ? 1 : 0)} ms`;
export const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** The final table: every figure with its target and whether it is reached ("atteint"). */
export function printTable(lines: Line[]): void {
	const verdict = (l: Line) => (l.met === undefined ? '—' : l.met ? 'atteint' : 'non atteint');
	const rows = [
		['Mesure', 'Valeur', 'Objectif', 'Résultat'],
		...lines.map((l) => [l.label, l.value, l.target, verdict(l)])
	];
	const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
	const format = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
	console.log('');
	console.log(format(rows[0] ?? []));
	console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
	for (const r of rows.slice(1)) console.log(format(r));
}
