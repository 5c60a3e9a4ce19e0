import type { ActivityDefinition } from '../../src/lib/domain/agenda/activities.ts';
import { formatEuros } from '../../src/lib/domain/money/format.ts';

/** The billing family of an activity as the statement names it ("Garderie" for both garderies). */
function family(activity: ActivityDefinition): string {
	return activity.groupCode.startsWith('garderie') ? 'Garderie' : activity.groupLabel;
}

/**
 * The statement's line for one presence, as in the manual:
 * "DUPIN Tim Restauration scolaire (1 x 3,50 €) Restauration scolaire - Repas de midi",
 * sous-libellé "Présence - Tarif normal" (or the activity's tariff, "Tarif gratuit").
 */
export function presenceLine(person: { nom: string; prenom: string }, activity: ActivityDefinition) {
	return {
		label: `${person.nom} ${person.prenom} ${family(activity)} (1 x ${formatEuros(activity.priceCents)}) ${activity.groupLabel} - ${activity.label}`,
		sublabel: activity.tariffLabel
	};
}
