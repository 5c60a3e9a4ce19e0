import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { serverNow, serverOffset } from '../../src/lib/domain/agenda/server-time.ts';
import { agendaResource } from '../../src/lib/offline/agenda-resource.ts';
import { PortailDatabase } from '../../src/lib/offline/database.ts';
import { SyncEngine } from '../../src/lib/offline/sync-engine.ts';
import { FakeSyncServer } from './support-fake-sync-server.ts';

const at = (iso: string) => Date.parse(iso);

describe("the server's time, as the device draws the agenda with it", () => {
	it('measures a device 40 minutes behind the server', () => {
		// The server said 10:30:00 (Paris) while the device read 09:50:00.
		const offset = serverOffset(
			'Mon, 30 Nov 2026 09:30:00 GMT',
			at('2026-11-30T08:50:00Z'),
			at('2026-11-30T08:50:00Z')
		);
		expect(offset).toBe(40 * 60_000 + 500);
		expect(serverNow(at('2026-11-30T08:50:00Z'), offset!).toISOString()).toBe('2026-11-30T09:30:00.500Z');
		// Ten minutes later by the device's clock, the agenda reads 10:40 in Paris.
		expect(serverNow(at('2026-11-30T09:00:00Z'), offset!).toISOString()).toBe('2026-11-30T09:40:00.500Z');
	});

	it('measures a device ahead of the server, and takes the middle of the round trip', () => {
		const sent = at('2026-11-30T09:00:00Z');
		const received = sent + 2000;
		// The server stamped 08:00:01 (to the second) about 09:00:01 by the device: 59 min 59.5 s behind.
		expect(serverOffset('Mon, 30 Nov 2026 08:00:01 GMT', sent, received)).toBe(-3_599_500);
	});

	it('knows nothing from an answer without a readable Date', () => {
		expect(serverOffset(null, 0, 0)).toBeNull();
		expect(serverOffset('', 0, 0)).toBeNull();
		expect(serverOffset('demain', 0, 0)).toBeNull();
	});

	it('is the device clock when they agree', () => {
		const now = at('2026-11-30T08:00:00.250Z');
		expect(serverOffset(new Date('2026-11-30T08:00:00Z').toUTCString(), now, now)).toBe(250);
	});
});

describe('the offset kept with the agenda', () => {
	it('is stored with the snapshot the pull brought, so an offline reload still knows it', async () => {
		const db = new PortailDatabase('server-time-1');
		const server = new FakeSyncServer();
		let offset: number | undefined = 2_400_500;
		const source = { pull: (f: string, t: string) => server.pull(f, t), serverOffset: () => offset };
		const agenda = agendaResource(db, source, () => ({ from: '2026-12-01', to: '2027-02-28' }));
		const engine = new SyncEngine(db, server, { resources: () => [agenda] });
		try {
			await engine.sync();
			expect((await db.agenda.get('agenda'))?.serverOffsetMs).toBe(2_400_500);
			offset = -1000;
			await engine.sync();
			expect((await db.agenda.get('agenda'))?.serverOffsetMs).toBe(-1000);
		} finally {
			engine.stop();
			db.close();
			await db.delete();
		}
	});
});
