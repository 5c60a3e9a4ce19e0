// Draws the portal's icons (town-hall emblem on the town's colour) as PNG files in static/icons.
// Run once after changing the look: `node scripts/make-icons.mjs`. No image tool needed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const PRIMARY = [0x0d, 0x5c, 0x63];
const ACCENT = [0xf3, 0xc9, 0x69];

function crc32(buf) {
	let c = ~0;
	for (const byte of buf) {
		c ^= byte;
		for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
	}
	return ~c >>> 0;
}

function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}

/** The emblem of SiteHeader.svelte (a 32-unit grid), scaled into `inner` of the icon. */
function inEmblem(x, y) {
	if (y >= 3 && y < 11) {
		const half = ((y - 3) / 8) * 13;
		return Math.abs(x - 16) <= half;
	}
	if (y >= 13 && y < 24) return (x >= 7 && x < 11) || (x >= 14 && x < 18) || (x >= 21 && x < 25);
	return y >= 26 && y < 29 && x >= 4 && x < 28;
}

function icon(size, safeZone) {
	const raw = Buffer.alloc((size * 3 + 1) * size);
	const inner = size * safeZone;
	const offset = (size - inner) / 2;
	for (let y = 0; y < size; y++) {
		raw[y * (size * 3 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			const ex = ((x + 0.5 - offset) / inner) * 32;
			const ey = ((y + 0.5 - offset) / inner) * 32;
			const color = inEmblem(ex, ey) ? ACCENT : PRIMARY;
			raw.set(color, y * (size * 3 + 1) + 1 + x * 3);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

writeFileSync('static/icons/icon-192.png', icon(192, 0.75));
writeFileSync('static/icons/icon-512.png', icon(512, 0.75));
// Maskable: the emblem stays within the 80 % safe zone whatever shape the launcher cuts.
writeFileSync('static/icons/icon-maskable-512.png', icon(512, 0.6));
console.log('static/icons: icon-192.png, icon-512.png, icon-maskable-512.png');
