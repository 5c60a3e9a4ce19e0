/**
 * French school years of zone B (académie de Lille, where Hesdigneul-lès-Boulogne is), as the
 * national calendar sets them. Each holiday runs from the first day without class to the last one
 * (the official texts give "fin des cours le samedi … reprise le lundi …"). A town installs these
 * once; the back office corrects them and adds its own closures.
 */
export type SchoolHoliday = { label: string; startsOn: string; endsOn: string };
export type SchoolYear = {
	id: string;
	zone: 'B';
	startsOn: string;
	endsOn: string;
	holidays: SchoolHoliday[];
};

export const SCHOOL_YEARS: SchoolYear[] = [
	{
		id: '2025-2026',
		zone: 'B',
		startsOn: '2025-09-01',
		endsOn: '2026-07-03',
		holidays: [
			{ label: 'Vacances de la Toussaint', startsOn: '2025-10-18', endsOn: '2025-11-02' },
			{ label: 'Vacances de Noël', startsOn: '2025-12-20', endsOn: '2026-01-04' },
			{ label: "Vacances d'hiver", startsOn: '2026-02-14', endsOn: '2026-03-01' },
			{ label: 'Vacances de printemps', startsOn: '2026-04-11', endsOn: '2026-04-26' },
			{ label: "Pont de l'Ascension", startsOn: '2026-05-15', endsOn: '2026-05-16' }
		]
	},
	{
		id: '2026-2027',
		zone: 'B',
		startsOn: '2026-09-01',
		endsOn: '2027-07-02',
		holidays: [
			{ label: 'Vacances de la Toussaint', startsOn: '2026-10-17', endsOn: '2026-11-01' },
			{ label: 'Vacances de Noël', startsOn: '2026-12-19', endsOn: '2027-01-03' },
			{ label: "Vacances d'hiver", startsOn: '2027-02-20', endsOn: '2027-03-07' },
			{ label: 'Vacances de printemps', startsOn: '2027-04-17', endsOn: '2027-05-02' },
			{ label: "Pont de l'Ascension", startsOn: '2027-05-07', endsOn: '2027-05-08' }
		]
	}
];

/**
 * The school year a day belongs to: the one running on that day, or during the summer the one
 * about to start (a parent books September's canteen in August). Null when none is known.
 */
export function schoolYearFor(isoDate: string, years: SchoolYear[] = SCHOOL_YEARS): SchoolYear | null {
	const running = years.find((y) => y.startsOn <= isoDate && isoDate <= y.endsOn);
	if (running) return running;
	return (
		years.filter((y) => y.startsOn > isoDate).sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0] ?? null
	);
}
