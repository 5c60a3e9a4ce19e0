import Contact from './Contact.svelte';
import Justificatifs from '../shared/JustificatifsStep.svelte';
import Reservation from './Reservation.svelte';

/** "Location de la salle des fêtes": its steps by id. */
export const SALLE_DES_FETES_STEPS = {
	reservation: Reservation,
	contact: Contact,
	justificatifs: Justificatifs
};
