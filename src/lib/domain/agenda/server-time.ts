/**
 * The agenda decides what is still bookable with the server's time, never the device's clock,
 * which may be wrong by minutes or days (DESIGN §4). Each pull's answer carries the server's time
 * in its `Date` header; the device keeps how far its own clock is from it and draws with that.
 */

/**
 * The server's clock minus this device's, in milliseconds, from an answer's `Date` header and the
 * device's clock when the request left and when the answer came back. The server wrote its time
 * somewhere between the two, truncated to the second: the middle of both is the best guess.
 * Null when the header is missing or unreadable (then the last offset known stays).
 */
export function serverOffset(dateHeader: string | null, sentAt: number, receivedAt: number): number | null {
	if (!dateHeader) return null;
	const server = Date.parse(dateHeader);
	if (Number.isNaN(server)) return null;
	return Math.round(server + 500 - (sentAt + receivedAt) / 2);
}

/** The server's time as this device can tell it: its own clock plus the offset last measured. */
export function serverNow(deviceNow: number, offsetMs: number): Date {
	return new Date(deviceNow + offsetMs);
}
