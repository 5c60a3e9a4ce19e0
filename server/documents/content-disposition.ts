/**
 * `attachment` with the original name (RFC 6266): `filename*` carries it whole in UTF-8
 * (RFC 5987 percent-encoding), `filename` an ASCII copy for clients that know only that one.
 * Neither can end the header or add a parameter: quotes, backslashes and control characters
 * never reach it unencoded.
 */
export function attachmentDisposition(name: string): string {
	const ascii = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]|["\\%]/g, '_');
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
