import { VALIDITY_MONTHS, type DocumentTypeCode } from './document-types.ts';

/** `YYYY-MM-DD` plus `months`, kept on the month's last day when it has fewer (31 janv. + 1 → 28 févr.). */
export function addMonths(day: string, months: number): string {
	const y = Number(day.slice(0, 4));
	const m = Number(day.slice(5, 7));
	const d = Number(day.slice(8, 10));
	const index = y * 12 + (m - 1) + months;
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * The expiry an agent is offered when validating (editable): the type's validity counted from
 * `today` — 3 months for a justificatif de domicile, 1 year for an attestation CAF and for an
 * assurance RC (a contract is renewed yearly), none for a livret de famille (null).
 */
export function proposedExpiry(type: DocumentTypeCode, today: string): string | null {
	const months = VALIDITY_MONTHS[type];
	return months === null ? null : addMonths(today, months);
}
