/** Integer cents → French display: 350 → "3,50 €", -410 → "-4,10 €", 2500000 → "25 000,00 €". */
export function formatEuros(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const euros = Math.floor(abs / 100)
		.toString()
		.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
	return `${sign}${euros},${String(abs % 100).padStart(2, '0')} €`;
}
