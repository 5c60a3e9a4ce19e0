import { describe, expect, it } from 'vitest';
import { fileSize, reusable } from '../../src/lib/components/requests/forms/shared/justificatif-view.ts';
import type { DocumentView } from '../../src/lib/domain/documents/document-view.ts';

const doc = (over: Partial<DocumentView>): DocumentView => ({
	id: crypto.randomUUID(),
	type: 'attestation-caf',
	personId: 1,
	personLabel: 'DUPIN Pascal',
	status: 'valide',
	expiresOn: '2027-06-30',
	reason: null,
	name: 'caf-2026.pdf',
	mime: 'application/pdf',
	size: 120_000,
	uploadedAt: '2026-07-01T08:00:00.000Z',
	...over
});

describe('a justificatif on file, offered for reuse', () => {
	it('is one of the type asked, neither refused nor past its validity; one still to check counts', () => {
		const today = '2026-12-02';
		const valid = doc({});
		const toCheck = doc({ status: 'a-valider', expiresOn: null, name: 'caf-nouvelle.pdf' });
		const documents = [
			valid,
			toCheck,
			doc({ status: 'invalide' }),
			doc({ expiresOn: '2026-12-01' }),
			doc({ type: 'assurance-rc' })
		];
		const offered = reusable(documents, 'attestation-caf', today);
		expect(offered.map((o) => o.id)).toEqual([valid.id, toCheck.id]);
		expect(offered[0]!.label).toBe("caf-2026.pdf (DUPIN Pascal) — Valide, valable jusqu'au 30/06/2027");
		expect(reusable(documents, 'attestation-caf', '2027-07-01').map((o) => o.id)).toEqual([toCheck.id]);
	});

	it('shows its size as a parent reads it', () => {
		expect(fileSize(300)).toBe('1 ko');
		expect(fileSize(120_000)).toBe('117 ko');
		expect(fileSize(2.5 * 1024 * 1024)).toBe('2,5 Mo');
	});
});
