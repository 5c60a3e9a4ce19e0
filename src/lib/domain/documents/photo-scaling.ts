/**
 * Photos taken on a phone are 3 to 8 MB, and rural 4G sends them slowly: above PHOTO_LIMIT_BYTES
 * a JPEG or PNG photo is scaled down in the browser before it is sent (DESIGN §6, issue 9). A
 * justificatif stays readable at 2,000 px on its long side (an A4 page at about 240 dpi). A PDF
 * is never touched (its text would become a picture), nor is a photo already small enough.
 */
export const PHOTO_SCALING = {
	limitBytes: 2 * 1024 * 1024,
	maxLongSide: 2000,
	mime: 'image/jpeg',
	quality: 0.82
} as const;

const SCALED_TYPES = new Set(['image/jpeg', 'image/png']);

export function needsScaling(file: { type: string; size: number }): boolean {
	return SCALED_TYPES.has(file.type) && file.size > PHOTO_SCALING.limitBytes;
}

/** Its size once its long side is at most maxLongSide: never enlarged, never below one pixel. */
export function scaledDimensions(
	width: number,
	height: number,
	maxLongSide: number = PHOTO_SCALING.maxLongSide
): { width: number; height: number } {
	const ratio = Math.min(1, maxLongSide / Math.max(width, height));
	return {
		width: Math.max(1, Math.round(width * ratio)),
		height: Math.max(1, Math.round(height * ratio))
	};
}

/** The re-encoded copy is sent only when it is lighter; otherwise the original goes as it is. */
export function keepScaled(originalBytes: number, scaledBytes: number): boolean {
	return scaledBytes > 0 && scaledBytes < originalBytes;
}

/** The name the agent sees: the same, with the extension of what it now is. */
export function scaledName(name: string): string {
	const dot = name.lastIndexOf('.');
	const base = dot > 0 ? name.slice(0, dot) : name;
	return `${base}.jpg`;
}
