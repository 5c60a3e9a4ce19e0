import {
	keepScaled,
	needsScaling,
	PHOTO_SCALING,
	scaledDimensions,
	scaledName
} from '../domain/documents/photo-scaling.ts';

/** Draws the photo at its new size on white (a PNG's transparency would turn black as JPEG). */
async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
	const options = { type: PHOTO_SCALING.mime, quality: PHOTO_SCALING.quality };
	if (typeof OffscreenCanvas !== 'undefined') {
		const canvas = new OffscreenCanvas(width, height);
		const context = canvas.getContext('2d');
		if (!context) return null;
		context.fillStyle = '#fff';
		context.fillRect(0, 0, width, height);
		context.drawImage(bitmap, 0, 0, width, height);
		return canvas.convertToBlob(options);
	}
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d');
	if (!context) return null;
	context.fillStyle = '#fff';
	context.fillRect(0, 0, width, height);
	context.drawImage(bitmap, 0, 0, width, height);
	return new Promise((resolve) => canvas.toBlob(resolve, options.type, options.quality));
}

/**
 * The file to send for a justificatif: a photo above the limit scaled down and re-encoded as
 * JPEG (its EXIF orientation applied, since the copy carries no EXIF), anything else as chosen.
 * Whatever goes wrong (a photo the browser cannot decode, no canvas, a copy heavier than the
 * original), the original is sent: the server checks it either way.
 */
export async function scalePhoto(file: File): Promise<File> {
	if (!needsScaling(file) || typeof createImageBitmap !== 'function') return file;
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		return file;
	}
	try {
		const { width, height } = scaledDimensions(bitmap.width, bitmap.height);
		const blob = await encode(bitmap, width, height);
		if (!blob || !keepScaled(file.size, blob.size)) return file;
		return new File([blob], scaledName(file.name), {
			type: PHOTO_SCALING.mime,
			lastModified: file.lastModified
		});
	} catch {
		return file;
	} finally {
		bitmap.close();
	}
}
