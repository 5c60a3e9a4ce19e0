/** A no-break space: the line may not break between a French sign and the word it belongs to. */
const NBSP = '\u00a0';

/**
 * French typography for a message shown as it came (a field's error, a banner, a server's
 * reason): the space before ":" ";" "?" "!" and "»", and after "«", becomes a no-break space, so a
 * narrow phone never starts a line with the sign. Only a space already there is changed: "12:30",
 * an address or a link keep their signs as they are.
 */
export function withFrenchSpacing(message: string): string {
	return message.replace(/[ \t\r\n]+(?=[:;?!»])/g, NBSP).replace(/«[ \t\r\n]+/g, `«${NBSP}`);
}
