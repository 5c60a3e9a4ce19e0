/** The téléprocédures and their services as the manual's home page lists them. */
export const TOWN_CATEGORIES = [
	{ slug: 'enfance-jeunesse', label: 'Enfance / Jeunesse' },
	{ slug: 'autres-demarches', label: 'Autres démarches' },
	{ slug: 'location-salles', label: 'Location de salles municipales' }
] as const;

export const TOWN_PROCEDURES: { slug: string; label: string; summary: string; category: string | null }[] = [
	{
		slug: 'mise-a-jour-informations',
		label: 'Mettre à jour mes informations personnelles',
		summary: "Signaler un changement d'adresse, de situation familiale ou de filiation.",
		category: null
	},
	{
		slug: 'fiche-enfant',
		label: 'Fiche enfant',
		summary: 'Inscrire un enfant à la restauration scolaire, à la garderie ou au centre de loisirs.',
		category: 'enfance-jeunesse'
	},
	{
		slug: 'reservation-cantine',
		label: 'Réservation Cantine',
		summary: 'Réserver ou annuler les repas de midi sur l’agenda.',
		category: 'enfance-jeunesse'
	},
	{
		slug: 'reservation-garderie',
		label: 'Réservation Garderie',
		summary: 'Réserver ou annuler la garderie du matin et du soir.',
		category: 'enfance-jeunesse'
	},
	{
		slug: 'contacter-la-mairie',
		label: 'Contacter la mairie',
		summary: 'Poser une question ou signaler un problème au service concerné.',
		category: 'autres-demarches'
	},
	{
		slug: 'location-salle-des-fetes',
		label: 'Location de la salle des fêtes',
		summary: 'Demander la location de la salle pour un événement privé ou associatif.',
		category: 'location-salles'
	}
];
