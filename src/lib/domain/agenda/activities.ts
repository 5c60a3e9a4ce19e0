/**
 * The town's activities and tariffs as the manual lists them (prices in integer cents).
 * The free and paid morning garderie are two activities of one group: a child takes one per morning.
 */
export type ActivityDefinition = {
	code: string;
	groupCode: string;
	groupLabel: string;
	label: string;
	startTime: string;
	endTime: string;
	priceCents: number;
	tariffLabel: string;
	runsOn: 'school_days' | 'leisure_days';
	capacity: number | null;
	/** Booking and cancellation close the day before the service at this hour (Europe/Paris). */
	deadlineHour: number;
};

export const TOWN_ACTIVITIES: ActivityDefinition[] = [
	{
		code: 'restauration-midi',
		groupCode: 'restauration-scolaire',
		groupLabel: 'Restauration scolaire',
		label: 'Repas de midi',
		startTime: '11:45',
		endTime: '13:30',
		priceCents: 350,
		tariffLabel: 'Présence - Tarif normal',
		runsOn: 'school_days',
		capacity: null,
		deadlineHour: 10
	},
	{
		code: 'garderie-matin-gratuite',
		groupCode: 'garderie-matin',
		groupLabel: 'Garderie matin',
		label: 'Garderie matin gratuite',
		startTime: '08:20',
		endTime: '08:35',
		priceCents: 0,
		tariffLabel: 'Tarif gratuit',
		runsOn: 'school_days',
		capacity: null,
		deadlineHour: 18
	},
	{
		code: 'garderie-matin-payante',
		groupCode: 'garderie-matin',
		groupLabel: 'Garderie matin',
		label: 'Garderie matin payante',
		startTime: '07:30',
		endTime: '08:19',
		priceCents: 110,
		tariffLabel: 'Tarif normal',
		runsOn: 'school_days',
		capacity: null,
		deadlineHour: 18
	},
	{
		code: 'garderie-soir-gratuite',
		groupCode: 'garderie-soir',
		groupLabel: 'Garderie soir',
		label: 'Garderie soir gratuite',
		startTime: '16:30',
		endTime: '16:45',
		priceCents: 0,
		tariffLabel: 'Tarif gratuit',
		runsOn: 'school_days',
		capacity: null,
		deadlineHour: 18
	},
	{
		code: 'garderie-soir-payante',
		groupCode: 'garderie-soir',
		groupLabel: 'Garderie soir',
		label: 'Garderie soir payante',
		startTime: '16:46',
		endTime: '18:30',
		priceCents: 110,
		tariffLabel: 'Tarif normal',
		runsOn: 'school_days',
		capacity: null,
		deadlineHour: 18
	},
	{
		code: 'centre-de-loisirs',
		groupCode: 'centre-de-loisirs',
		groupLabel: 'Centre de loisirs',
		label: 'Centre de loisirs (journée)',
		startTime: '08:30',
		endTime: '17:30',
		priceCents: 800,
		tariffLabel: 'Tarif normal',
		runsOn: 'leisure_days',
		capacity: 40,
		deadlineHour: 12
	}
];
