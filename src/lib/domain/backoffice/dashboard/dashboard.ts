import { z } from 'zod';

/** The tableau de bord's counts (GET /api/admin/dashboard), each with the list it links to. */
export type DashboardCounts = {
	demandesATraiter: number;
	complementsRecus: number;
	justificatifsAValider: number;
	messagesNonLus: number;
	date: string;
	presences: { activityCode: string; label: string; count: number }[];
};

/** The query strings of the cards' links to /admin/demandes: that list reads exactly these names. */
export const DEMANDES_FILTERS = {
	demandesATraiter: 'statut=envoyee&agent=personne',
	complementsRecus: 'complements=1',
	messagesNonLus: 'nonLus=1'
} as const;

/** Most children listed per activity on a day's list (a school's canteen is far smaller). */
export const MAX_PRESENCES_PER_ACTIVITY = 500;

export type PresencesDay = {
	date: string;
	activities: {
		code: string;
		label: string;
		children: { personId: number; child: string; familleId: number; famille: string }[];
		truncated: boolean;
	}[];
};

export const presencesQuerySchema = z.object({
	date: z.iso.date({ error: 'Indiquez une date au format AAAA-MM-JJ.' }).optional()
});
