/** Age reached during the calendar year a school year starts in, by primary-school class (France). */
const AGE_IN_CLASS = { CP: 6, CE1: 7, CE2: 8, CM1: 9, CM2: 10 } as const;
export type PrimaryClass = keyof typeof AGE_IN_CLASS;

/**
 * The year a child in `level` was born, for the school year running on `today` (`YYYY-MM-DD`; a
 * school year starts in September): a CE2 of 2026-2027 is born in 2018. The demo family's son is
 * then the right age for his class whenever the demo is installed.
 */
export function birthYearFor(level: PrimaryClass, today: string): number {
	const year = Number(today.slice(0, 4));
	const month = Number(today.slice(5, 7));
	const schoolYearStart = month >= 9 ? year : year - 1;
	return schoolYearStart - AGE_IN_CLASS[level];
}
