/**
 * A draft's errors are kept by their path in the whole answers (`message.objet`, as the server
 * names them when it refuses a sending); a step's component gets its own (`objet`).
 */
export function errorsOfStep(errors: Record<string, string>, stepId: string): Record<string, string> {
	const prefix = `${stepId}.`;
	return Object.fromEntries(
		Object.entries(errors)
			.filter(([path]) => path.startsWith(prefix) || path === stepId)
			.map(([path, message]) => [path === stepId ? '_' : path.slice(prefix.length), message])
	);
}

export function errorsInDraft(stepErrors: Record<string, string>, stepId: string): Record<string, string> {
	return Object.fromEntries(
		Object.entries(stepErrors).map(([path, message]) => [
			path === '_' ? stepId : `${stepId}.${path}`,
			message
		])
	);
}

/** The step (its index) the first of the server's errors belongs to, if it names one. */
export function stepOfErrors(errors: Record<string, string>, stepIds: readonly string[]): number | null {
	for (const path of Object.keys(errors)) {
		const index = stepIds.indexOf(path.split('.')[0] ?? '');
		if (index !== -1) return index;
	}
	return null;
}
