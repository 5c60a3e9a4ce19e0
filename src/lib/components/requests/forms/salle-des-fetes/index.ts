import Contact from './Contact.svelte';
import Reservation from './Reservation.svelte';

/** "Location de la salle des fêtes": its steps by id (the justificatifs step is the shared one). */
export const SALLE_DES_FETES_STEPS = { reservation: Reservation, contact: Contact };
