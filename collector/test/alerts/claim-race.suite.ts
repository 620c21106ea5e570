import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from '../../src/alerts/channel-store';
import { createAlertHook } from '../../src/alerts/hook';
import { createRule } from '../../src/alerts/rule-store';
import { createAlertWorker } from '../../src/alerts/worker';
import { makeAnswer, storeAnswer } from './answers';
import { startFakeHttp, type FakeHttp } from './fakes/fake-http';
import type { Database } from '../../src/db/database';
import { pgliteKind, type DatabaseKind } from './test-database';

/** Two workers on one database claim side by side: every delivery goes out once. */
export function describeClaimRace(kind: DatabaseKind) {
  describe(`two workers draining one queue (${kind.name})`, { timeout: 60_000 }, () => {
    let place: string;
    let dbs: Database[];
    let receiver: FakeHttp;

    beforeAll(async () => {
      place = await kind.newPlace();
      // PostgreSQL: two connection pools, as two collectors. PGlite cannot be opened twice, so two
      // workers share its one connection, as two batches in one collector would.
      const first = await kind.open(place);
      dbs = kind === pgliteKind ? [first, first] : [first, await kind.open(place)];
      // A slow receiver keeps both collectors' claims overlapping.
      receiver = await startFakeHttp((_request, response) => void setTimeout(() => response.writeHead(204).end(), 20));
    }, 90_000);
    afterAll(async () => {
      await receiver.close();
      await Promise.all([...new Set(dbs)].map((db) => db.close()));
      await kind.dispose(place);
    }, 90_000);

    it('sends each of 40 alerts exactly once', async () => {
      const [first] = dbs;
      const channel = await createChannel(first, { name: 'Hook', kind: 'slack', locale: 'en', config: { webhookUrl: `${receiver.url}/hook` }, quiet: null, digestHour: null });
      await createRule(first, { name: 'All unhappy', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [channel] });
      const hook = createAlertHook({ timeZone: 'Asia/Bangkok' });
      const answers = Array.from({ length: 40 }, (_, index) => makeAnswer({ score: 1, comment: `answer ${index}` }));
      for (const answer of answers) await storeAnswer(first, answer, hook);
      const workers = dbs.map((db) => createAlertWorker({ db, send: { lineApiUrl: 'http://127.0.0.1:9', destinations: { allowPrivate: true } }, publicUrl: 'https://shop.example', timeZone: 'Asia/Bangkok', batchSize: 5, perHour: 0, log: () => {} }));
      const drain = async (worker: (typeof workers)[number]) => {
        let total = 0;
        for (let round = 0; round < 20; round++) {
          const handled = await worker.tick();
          total += handled;
          if (!handled) break;
        }
        return total;
      };
      const handled = await Promise.all(workers.map(drain));
      expect(handled[0] + handled[1]).toBe(40);
      expect(handled.every((count) => count > 0)).toBe(true);
      const ids = receiver.requests.map((request) => JSON.parse(request.body).blocks.at(-1).text.text);
      expect(new Set(ids).size).toBe(40);
      expect(receiver.requests).toHaveLength(40);
    });
  });
}
