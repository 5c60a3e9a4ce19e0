import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	keepScaled,
	needsScaling,
	PHOTO_SCALING,
	scaledDimensions,
	scaledName
} from '../../src/lib/domain/documents/photo-scaling.ts';
import { scalePhoto } from '../../src/lib/documents/scale-photo.ts';

const MB = 1024 * 1024;

describe('which files are scaled before they are sent', () => {
	it('JPEG and PNG photos above 2 MB only; a PDF or a small photo goes as it is', () => {
		expect(needsScaling({ type: 'image/jpeg', size: 2 * MB + 1 })).toBe(true);
		expect(needsScaling({ type: 'image/png', size: 6 * MB })).toBe(true);
		expect(needsScaling({ type: 'image/jpeg', size: 2 * MB })).toBe(false);
		expect(needsScaling({ type: 'image/png', size: 300_000 })).toBe(false);
		expect(needsScaling({ type: 'application/pdf', size: 9 * MB })).toBe(false);
		expect(needsScaling({ type: 'image/heic', size: 5 * MB })).toBe(false);
		expect(needsScaling({ type: '', size: 5 * MB })).toBe(false);
	});

	it('to a long side of at most 2,000 px, its proportions kept, never enlarged', () => {
		expect(scaledDimensions(4000, 3000)).toEqual({ width: 2000, height: 1500 });
		expect(scaledDimensions(3024, 4032)).toEqual({ width: 1500, height: 2000 });
		expect(scaledDimensions(2000, 2000)).toEqual({ width: 2000, height: 2000 });
		expect(scaledDimensions(1800, 1200)).toEqual({ width: 1800, height: 1200 });
		expect(scaledDimensions(40000, 3)).toEqual({ width: 2000, height: 1 });
	});

	it('keeping the copy only when it is lighter, named for what it now is', () => {
		expect(keepScaled(3 * MB, 800_000)).toBe(true);
		expect(keepScaled(3 * MB, 3 * MB)).toBe(false);
		expect(keepScaled(3 * MB, 0)).toBe(false);
		expect(scaledName('IMG_1234.PNG')).toBe('IMG_1234.jpg');
		expect(scaledName('scan.page.1.jpeg')).toBe('scan.page.1.jpg');
		expect(scaledName('photo')).toBe('photo.jpg');
		expect(scaledName('.hidden')).toBe('.hidden.jpg');
	});
});

/**
 * The browser's image APIs as the test tells them to behave: a decoded photo of `width` ×
 * `height`, and an encoder giving `encodedBytes`; `drawn` records what was drawn and asked for.
 */
function browserImages(photo: { width: number; height: number }, encodedBytes: number) {
	const drawn: { size?: [number, number]; fill?: string; encoding?: unknown; closed: boolean } = {
		closed: false
	};
	vi.stubGlobal('createImageBitmap', async () => ({
		...photo,
		close: () => (drawn.closed = true)
	}));
	vi.stubGlobal(
		'OffscreenCanvas',
		class {
			constructor(
				readonly width: number,
				readonly height: number
			) {
				drawn.size = [width, height];
			}
			getContext() {
				return {
					set fillStyle(value: string) {
						drawn.fill = value;
					},
					fillRect() {},
					drawImage() {}
				};
			}
			async convertToBlob(options: unknown) {
				drawn.encoding = options;
				return new Blob([new Uint8Array(encodedBytes)], { type: 'image/jpeg' });
			}
		}
	);
	return drawn;
}

const photo = (size: number, type = 'image/png', name = 'livret.png') =>
	new File([new Uint8Array(size)], name, { type, lastModified: 1_700_000_000_000 });

describe('scalePhoto, in the browser', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('sends a big photo as a JPEG at most 2,000 px wide, drawn on white', async () => {
		const drawn = browserImages({ width: 4032, height: 3024 }, 700_000);
		const sent = await scalePhoto(photo(5 * MB));
		expect(sent).toMatchObject({ name: 'livret.jpg', type: 'image/jpeg', size: 700_000 });
		expect(sent.lastModified).toBe(1_700_000_000_000);
		expect(drawn).toEqual({
			size: [2000, 1500],
			fill: '#fff',
			encoding: { type: PHOTO_SCALING.mime, quality: PHOTO_SCALING.quality },
			closed: true
		});
	});

	it('sends the original when the copy is not lighter, the photo cannot be decoded, or it is small or a PDF', async () => {
		browserImages({ width: 2500, height: 2000 }, 4 * MB);
		const heavy = photo(3 * MB, 'image/jpeg', 'photo.jpg');
		expect(await scalePhoto(heavy)).toBe(heavy);

		vi.stubGlobal('createImageBitmap', async () => {
			throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
		});
		const broken = photo(3 * MB, 'image/jpeg', 'photo.jpg');
		expect(await scalePhoto(broken)).toBe(broken);

		const small = photo(MB);
		const pdf = photo(8 * MB, 'application/pdf', 'avis.pdf');
		expect(await scalePhoto(small)).toBe(small);
		expect(await scalePhoto(pdf)).toBe(pdf);
	});
});
