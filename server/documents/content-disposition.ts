/**
 * `attachment` with the original name (RFC 6266): `filename*` carries it whole in UTF-8
 * (RFC 5987 percent-encoding), `filename` an ASCII copy for clients that know only that one.
 * Neither can end the header or add a parameter: quotes, backslashes and control characters
 * never reach it unencoded.
 */
export function attachmentDisposition(name: string, kind: 'attachment' | 'inline' = 'attachment'): string {
	const ascii = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]|["\\%]/g, '_');
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Shown in the browser (an agent reads it in the back office), with the same name parameters. */
export const inlineDisposition = (name: string): string => attachmentDisposition(name, 'inline');
