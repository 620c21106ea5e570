import { IDBFactory } from 'fake-indexeddb';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/common/log';
import { mergeSurveys, publishedFreshMs, readPublishedSurveys } from '../../../src/published/published-surveys';
import { openStore } from '../../../src/storage/open-store';
import { createMemoryStore } from '../../../src/storage/memory-store';
import type { Survey } from '../../../src/config/survey-schema';

const url = 'https://app.example/api/surveys.json';
const server = setupServer();
/** What the app answers: its definitions and their ETag; `down` makes it fail. */
let app: { surveys: unknown[]; etag: string; down: false | 'error' | 'network' | 'refused' };
let requests: Array<{ ifNoneMatch: string | null; credentials: string }>;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  requests = [];
  app = { surveys: [{ id: 'after-checkout', type: 'csat', question: 'How was your checkout today?', trigger: { event: 'checkout' } }], etag: '"v1"', down: false };
  server.use(
    http.get(url, ({ request }) => {
      requests.push({ ifNoneMatch: request.headers.get('if-none-match'), credentials: request.credentials });
      if (app.down === 'network') return HttpResponse.error();
      if (app.down === 'error') return new HttpResponse('oops', { status: 503 });
      if (app.down === 'refused') return HttpResponse.json({ problems: ['not allowed'] }, { status: 403 });
      if (request.headers.get('if-none-match') === app.etag) return new HttpResponse(null, { status: 304, headers: { etag: app.etag } });
      return HttpResponse.json(app.surveys, { headers: { etag: app.etag } });
    }),
  );
});
afterEach(() => server.resetHandlers());

const logger = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, error: (m) => void lines.push(m), warn: (m) => void lines.push(m), debug: (m) => void lines.push(m) };
};
const questions = (surveys: Survey[]) => surveys.map((survey) => survey.question);

describe('published surveys (surveysUrl)', () => {
  it('reads the definitions once, keeps them in IndexedDB, and the next page view within a minute asks nothing', async () => {
    const factory = new IDBFactory();
    let clock = 1_000_000;
    const pageView = () => readPublishedSurveys({ url, store: openStore({ log: logger(), indexedDB: factory }), log: logger(), now: () => clock });
    expect(questions(await pageView())).toEqual(['How was your checkout today?']);
    expect(requests).toEqual([{ ifNoneMatch: null, credentials: 'omit' }]);
    app.surveys = [{ id: 'after-checkout', type: 'csat', question: 'How was your checkout, really?' }];
    app.etag = '"v2"';
    clock += publishedFreshMs - 1;
    expect(questions(await pageView())).toEqual(['How was your checkout today?']);
    expect(requests).toHaveLength(1);
    // A minute on, the change published in the app arrives.
    clock += 1;
    expect(questions(await pageView())).toEqual(['How was your checkout, really?']);
    expect(requests[1].ifNoneMatch).toBe('"v1"');
  });

  it('asks with the last ETag; a 304 keeps the copy for another minute', async () => {
    const store = createMemoryStore();
    let clock = 0;
    const read = () => readPublishedSurveys({ url, store, log: logger(), now: () => clock });
    await read();
    clock += publishedFreshMs;
    expect(questions(await read())).toEqual(['How was your checkout today?']);
    expect(requests.map((r) => r.ifNoneMatch)).toEqual([null, '"v1"']);
    clock += publishedFreshMs - 1;
    await read();
    expect(requests).toHaveLength(2);
  });

  it('offline or on an error: the last copy; with no copy, nothing shows and a debug line says why', async () => {
    const store = createMemoryStore();
    let clock = 0;
    const log = logger();
    const read = () => readPublishedSurveys({ url, store, log, now: () => clock });
    app.down = 'network';
    expect(await read()).toEqual([]);
    expect(log.lines).toEqual([expect.stringMatching(/^surveysUrl https:\/\/app\.example\/api\/surveys\.json could not be read \(.*\); no copy yet, so no published survey shows$/)]);
    app.down = false;
    await read();
    for (const down of ['network', 'error'] as const) {
      app.down = down;
      clock += publishedFreshMs;
      expect(questions(await read())).toEqual(['How was your checkout today?']);
    }
    expect(log.lines.at(-1)).toMatch(/HTTP 503\); showing the last copy$/);
  });

  it('a site the app does not serve (403): one console error per page view naming the fix; a copy it had stays in use', async () => {
    const store = createMemoryStore();
    let clock = 0;
    const errors: string[] = [];
    const log = { ...logger(), error: (line: string) => void errors.push(line) };
    const read = () => readPublishedSurveys({ url, store, log, now: () => clock, origin: 'https://www.shop.example' });
    app.down = 'refused';
    expect(await read()).toEqual([]);
    expect(errors).toEqual(["https://app.example refused its published surveys to https://www.shop.example (HTTP 403): allow https://www.shop.example in the owner's app, Settings → Sites. Until then no survey from the app shows here."]);
    // Nothing was kept: the next page view asks again, and says it again.
    expect(await read()).toEqual([]);
    expect(requests).toHaveLength(2);
    expect(errors).toHaveLength(2);
    app.down = false;
    await read();
    app.down = 'refused';
    clock += publishedFreshMs;
    expect(questions(await read())).toEqual(['How was your checkout today?']);
    expect(errors).toHaveLength(3);
  });

  it('leaves out a bad definition with a debug line naming it, and keeps the others', async () => {
    app.surveys = [
      { id: 'good', type: 'nps' },
      { id: 'bad', type: 'stars' },
      'not a survey',
      { id: 'newer', type: 'ces', fieldFromANewerApp: true },
    ];
    const log = logger();
    const surveys = await readPublishedSurveys({ url, store: createMemoryStore(), log });
    expect(surveys.map((s) => s.id)).toEqual(['good', 'newer']);
    expect(log.lines).toEqual([
      'published survey left out or trimmed: surveysUrl[1].type must be one of "nps", "csat", "ces" (got "stars")',
      'published survey left out or trimmed: surveysUrl[2] must be an object like { id: "after-checkout", type: "csat" } (got "not a survey")',
      'published survey left out or trimmed: unknown option surveysUrl[3].fieldFromANewerApp is ignored',
    ]);
  });

  it('an answer that is not a list is an error: the last copy stays', async () => {
    const store = createMemoryStore();
    let clock = 0;
    await readPublishedSurveys({ url, store, log: logger(), now: () => clock });
    app.surveys = { surveys: [] } as never;
    app.etag = '"v2"';
    clock += publishedFreshMs;
    const log = logger();
    expect(questions(await readPublishedSurveys({ url, store, log, now: () => clock }))).toEqual(['How was your checkout today?']);
    expect(log.lines[0]).toMatch(/not a JSON array/);
  });

  it('inline surveys win over published ones with the same id', () => {
    const inline: Survey[] = [{ id: 'a', type: 'nps' }];
    expect(mergeSurveys(inline, [{ id: 'a', type: 'csat' }, { id: 'b', type: 'ces' }])).toEqual([{ id: 'a', type: 'nps' }, { id: 'b', type: 'ces' }]);
  });
});
