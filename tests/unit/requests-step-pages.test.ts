import { describe, expect, it } from 'vitest';
import { STEP_COMPONENTS, STEP_PAGES } from '../../src/lib/components/requests/forms/index.ts';
import { FORM_CODES } from '../../src/lib/domain/requests/form-codes.ts';

describe('the forms’ step pages', () => {
	// Compiling the Svelte steps on first import takes seconds on a loaded machine.
	it.each(FORM_CODES)(
		'%s: the démarche page offers exactly the steps its form loads',
		async (code) => {
			const components = await STEP_COMPONENTS[code]();
			expect([...STEP_PAGES[code]].sort()).toEqual(Object.keys(components).sort());
		},
		60_000
	);
});
