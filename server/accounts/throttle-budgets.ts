/**
 * What each kind of request may spend (see throttle.ts). Each budget is counted apart: ten
 * registrations from a family's address take nothing from its sign-ins.
 */
export type Budget = {
	/** Stored before the subject in each attempt's key. */
	name: string;
	windowMs: number;
	/** Attempts on one subject from anywhere. */
	perSubject?: number;
	/** Attempts on one subject from one address. */
	perSubjectAndAddress?: number;
	/** Attempts from one address on any subject. */
	perAddress?: number;
};

const MINUTES_15 = 15 * 60 * 1000;

/**
 * Sign-in, counted per identifier as typed (trimmed, in lower case), so an attacker learns nothing
 * from it about which username and e-mail belong together. From anywhere, an identifier gets 20
 * guesses in 15 minutes (many addresses guessing one account are stopped there), one address 10
 * of them, and 30 on all accounts together (a family or a school share an address). A browser
 * that signed in to the account before (its device cookie, see device-cookie.ts) is counted by
 * its device instead (20 from anywhere, 10 from one address, as its own "identifier"), so a
 * stranger's guesses never lock the owner out of their usual browsers. A success clears what its
 * identifier (or device) spent from its address, never what others spent.
 */
export const SIGN_IN: Budget = {
	name: 'connexion',
	windowMs: MINUTES_15,
	perSubject: 20,
	perSubjectAndAddress: 10,
	perAddress: 30
};

/**
 * Registration requests (each may send an e-mail), per address: those whose form is right, from
 * the captcha's check on (a typo in the form takes nothing).
 */
export const REGISTRATION: Budget = { name: 'inscription', windowMs: MINUTES_15, perAddress: 10 };

/** Recovery requests (each may send an e-mail), per address. */
export const RECOVERY: Budget = { name: 'recuperation', windowMs: MINUTES_15, perAddress: 10 };

/**
 * E-mails a recovery sends to one account: the answer is the same whatever happens, so beyond it
 * nothing more is sent, silently; its owner's mailbox cannot be flooded from many addresses.
 */
export const RECOVERY_MAILS: Budget = {
	name: 'recuperation-compte',
	windowMs: 60 * 60 * 1000,
	perSubject: 3
};

/**
 * A new password set through a link (activation, reset): each costs an Argon2 hash. Per link from
 * anywhere and per address; a mistyped password is refused before, at no cost.
 */
export const PASSWORD_LINK: Budget = {
	name: 'lien',
	windowMs: MINUTES_15,
	perSubject: 5,
	perAddress: 10
};

/**
 * "Is this username free?" on the activation page: it tells whether an account exists, so each
 * link and each address may ask a few dozen times, enough to try names, not to list them.
 */
export const USERNAME_CHECK: Budget = {
	name: 'identifiant-libre',
	windowMs: MINUTES_15,
	perSubject: 20,
	perAddress: 40
};

/** E-mail changes of one account (each sends two e-mails), per day. */
export const EMAIL_CHANGE: Budget = { name: 'courriel', windowMs: 24 * 3600 * 1000, perSubject: 5 };

/** The longest window: older attempts are never counted again, and are purged. */
export const LONGEST_WINDOW_MS = 24 * 3600 * 1000;
