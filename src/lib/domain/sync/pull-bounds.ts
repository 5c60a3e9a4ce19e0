/**
 * What one pull answer may hold, so that no household can make the server build (and keep, and
 * send to a phone) an answer without end: the window is at most MAX_WINDOW_DAYS days, its bookings
 * and places are bounded by those days, the household's children and the town's activities; its
 * history is the one part a household could grow at will (every booking and cancellation is a line
 * for ever), so a pull gives at most HISTORY_LIMIT lines of its window, the most recent ones, and
 * says when there were more (`historyTruncated`).
 *
 * 2,000 lines: a family of five children in four activities books a whole window (about 70 school
 * days) in 1,400 lines; a parent's real use stays complete, and the answer stays under 300 KB of
 * JSON (30 KB with gzip), built in a few milliseconds.
 */
export const HISTORY_LIMIT = 2000;
/** The longest window a pull may ask for, in days (both ends counted: 121 days). */
export const MAX_WINDOW_DAYS = 120;
