import { describe, expect, it } from 'vitest';
import { addMonths, proposedExpiry } from '../../../src/lib/domain/documents/document-expiry.ts';
import {
	documentDecisionSchema,
	expiryRefusal
} from '../../../src/lib/domain/backoffice/documents/document-decision.ts';

describe('the expiry proposed to the agent', () => {
	it('is 3 months for a justificatif de domicile, a year for a CAF or an assurance RC, none for a livret', () => {
		expect(proposedExpiry('justificatif-domicile', '2026-11-28')).toBe('2027-02-28');
		expect(proposedExpiry('attestation-caf', '2026-11-28')).toBe('2027-11-28');
		expect(proposedExpiry('assurance-rc', '2026-11-28')).toBe('2027-11-28');
		expect(proposedExpiry('livret-famille', '2026-11-28')).toBeNull();
	});

	it('keeps to the last day of a shorter month', () => {
		expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
		expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
	});
});

describe('an agent’s decision', () => {
	it('refuses an expiry before today, accepts today and none', () => {
		const at = (expiresOn: string | null) =>
			expiryRefusal(documentDecisionSchema.parse({ statut: 'valide', expiresOn }), '2026-11-28');
		expect(at('2026-11-27')).toEqual({ expiresOn: expect.stringMatching(/passée/) });
		expect(at('2026-11-28')).toBeNull();
		expect(at(null)).toBeNull();
	});

	it('requires a reason to refuse, trimmed and bounded', () => {
		expect(documentDecisionSchema.safeParse({ statut: 'invalide', motif: ' ' }).success).toBe(false);
		expect(documentDecisionSchema.safeParse({ statut: 'invalide', motif: 'x'.repeat(501) }).success).toBe(
			false
		);
		expect(documentDecisionSchema.parse({ statut: 'invalide', motif: ' Flou. ' })).toEqual({
			statut: 'invalide',
			motif: 'Flou.'
		});
	});
});
