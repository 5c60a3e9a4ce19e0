import type { DocumentView } from '../../../../domain/documents/document-view.ts';
import type { Profile } from '../../../../domain/profile/profile.ts';

/**
 * The form page's contract with a step's component (the request engine's `forms/step-props.ts`,
 * restated here until that branch is merged: the same shape, so either type fits).
 */
export type StepContext = {
	demandeId: string;
	profile: Profile | null;
	documents: readonly DocumentView[];
	today: string;
};

export type StepProps<Answers> = {
	value: Answers;
	errors: Record<string, string>;
	context: StepContext;
};
