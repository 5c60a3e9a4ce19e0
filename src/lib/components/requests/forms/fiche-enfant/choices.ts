/** What the steps' radio groups and lists offer, as SelectField and RadioGroup read options. */
export const YES_NO_OPTIONS = [
	{ value: 'oui', label: 'Oui' },
	{ value: 'non', label: 'Non' }
] as const;

export type PickOption = { value: string; label: string };

/**
 * A list to choose from (the household's adults, children, addresses), with the one already
 * chosen kept in it even when the profile is not loaded (offline) or no longer has it, so a
 * draft never shows an answer it holds as unanswered.
 */
export function pickOptions(
	items: readonly { id: number; label: string }[],
	chosen: { id: number; label: string } | null | undefined
): PickOption[] {
	const options = items.map((item) => ({ value: String(item.id), label: item.label }));
	if (chosen && !items.some((item) => item.id === chosen.id))
		options.push({ value: String(chosen.id), label: chosen.label });
	return options;
}
