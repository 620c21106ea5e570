import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../src/config/parse-options';

const endpoint = 'https://example.com/feedback';

describe('parseOptions: valid input', () => {
  it('applies every default for a minimal config', () => {
    const { config, errors, warnings } = parseOptions({ endpoint });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      endpoint, surveys: [], locale: 'auto', theme: {}, user: {}, context: {}, consent: true, sampleRate: 1,
      dataLayer: false, transport: {}, sendFullUrl: false, nonce: undefined, debug: false, fatigue: {},
    });
  });

  it('keeps a full, realistic config as given', () => {
    const options = {
      endpoint: 'http://localhost:8787/api/responses',
      locale: 'th',
      theme: { accent: '#0f766e', position: 'center', colorScheme: 'dark' },
      user: { id: 'u-42', plan: 'pro' },
      context: { orderId: 'A17' },
      consent: false,
      sampleRate: 0.25,
      dataLayer: true,
      transport: { contentType: 'application/json' },
      surveys: [
        { id: 'after-checkout', type: 'csat', style: 'smileys', trigger: { event: 'checkout' }, followUp: { detractor: 'What went wrong?', promoter: { en: 'What did you love?', th: 'ชอบอะไรที่สุด' } } },
        { id: 'quarterly', type: 'nps', trigger: { delay: 30, pageViews: 2, url: { include: ['/shop/*'], exclude: [{ regex: '^/shop/admin' }] } }, cooldownDays: 90 },
        { id: 'help', type: 'ces', followUp: false, reasons: ['Slow reply', 'Not solved'], askContact: true, mode: 'inline', target: '#feedback' },
      ],
    };
    const { config, errors, warnings } = parseOptions(options);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(config?.surveys).toHaveLength(3);
    expect(config?.surveys[0].followUp).toEqual(options.surveys[0].followUp);
    expect(config?.theme).toEqual(options.theme);
    expect(config?.user).toEqual({ id: 'u-42', plan: 'pro' });
  });

  it('accepts local http endpoints for development', () => {
    for (const url of ['http://localhost/x', 'http://127.0.0.1:8787/api', 'http://[::1]:3000/']) {
      expect(parseOptions({ endpoint: url }).errors).toEqual([]);
    }
  });
});

describe('parseOptions: bad input gets one readable error per field', () => {
  const cases: Array<[string, unknown, string]> = [
    ['script URL', { endpoint: 'javascript:alert(1)' }, 'endpoint must be an https URL (http only for localhost or 127.0.0.1) (got "javascript:alert(1)")'],
    ['plain http', { endpoint: 'http://example.com/f' }, 'endpoint must be an https URL (http only for localhost or 127.0.0.1) (got "http://example.com/f")'],
    ['credentials', { endpoint: 'https://user:pw@example.com/f' }, 'endpoint must not contain credentials (user:password@) (got "https://user:pw@example.com/f")'],
    ['relative URL', { endpoint: '/feedback' }, 'endpoint must be an absolute https URL (got "/feedback")'],
    ['missing endpoint', {}, 'endpoint is required: the https URL that receives answers'],
    ['endpoint not a string', { endpoint: 42 }, 'endpoint must be an https URL string (got 42)'],
    ['bad sampleRate', { endpoint, sampleRate: 2 }, 'sampleRate must be a share from 0 to 1 (got 2)'],
    ['bad position', { endpoint, theme: { position: 'top' } }, 'theme.position must be one of "bottom-right", "bottom-left", "center" (got "top")'],
    ['bad accent', { endpoint, theme: { accent: 'red' } }, 'theme.accent must be a hex colour like "#2563eb" (got "red")'],
    ['bad consent', { endpoint, consent: 'no' }, 'consent must be true or false (got "no")'],
    ['bad contentType', { endpoint, transport: { contentType: 'text/xml' } }, 'transport.contentType must be one of "text/plain", "application/json" (got "text/xml")'],
    ['surveys not a list', { endpoint, surveys: { id: 'x' } }, 'surveys must be a list of survey definitions (got {"id":"x"})'],
    ['bad survey type', { endpoint, surveys: [{ id: 'a', type: 'ces2' }] }, 'surveys[0].type must be one of "nps", "csat", "ces" (got "ces2")'],
    ['bad survey id', { endpoint, surveys: [{ id: 'a b', type: 'nps' }] }, 'surveys[0].id must be a survey id: 1–64 letters, digits, "-", "_", ".", ":" (got "a b")'],
    ['bad delay', { endpoint, surveys: [{ id: 'a', type: 'nps', trigger: { delay: -1 } }] }, 'surveys[0].trigger.delay must be a number of seconds from 0 to 86400 (got -1)'],
    ['kioskIdle too short', { endpoint, surveys: [{ id: 'a', type: 'csat', mode: 'kiosk', kioskIdle: 1 }] }, 'surveys[0].kioskIdle must be a number of seconds without input from 2 to 3600 (got 1)'],
    ['kioskIdle as text', { endpoint, surveys: [{ id: 'a', type: 'csat', mode: 'kiosk', kioskIdle: '30s' }] }, 'surveys[0].kioskIdle must be a number of seconds without input from 2 to 3600 (got "30s")'],
    ['bad pageViews', { endpoint, surveys: [{ id: 'a', type: 'nps', trigger: { pageViews: 1.5 } }] }, 'surveys[0].trigger.pageViews must be a whole number of at least 1 (got 1.5)'],
    ['bad question', { endpoint, surveys: [{ id: 'a', type: 'nps', question: 7 }] }, 'surveys[0].question must be a string or a map of locale to string, e.g. { en: "…", th: "…" } (got 7)'],
    ['bad contact ways', { endpoint, surveys: [{ id: 'a', type: 'nps', askContact: { ways: ['fax'] } }] }, 'surveys[0].askContact must be true, false or { ways: ["phone", "email", "line"] } (the ways to ask for, 1 to 3) (got {"ways":["fax"]})'],
    ['no contact ways', { endpoint, surveys: [{ id: 'a', type: 'nps', askContact: { ways: [] } }] }, 'surveys[0].askContact.ways must list 1 to 3 ways (got [])'],
    ['bad review link', { endpoint, surveys: [{ id: 'a', type: 'nps', reviewLink: { url: 'http://x.example', label: 'Review' } }] }, 'surveys[0].reviewLink.url must be an https URL (http only for localhost or 127.0.0.1) (got "http://x.example")'],
    ['bad promoter link', { endpoint, surveys: [{ id: 'a', type: 'nps', promoterLink: { url: 'javascript:x', label: 'Review' } }] }, 'surveys[0].promoterLink.url must be an https URL (http only for localhost or 127.0.0.1) (got "javascript:x")'],
    ['duplicate ids', { endpoint, surveys: [{ id: 'a', type: 'nps' }, { id: 'a', type: 'csat' }] }, 'surveys[1].id "a" is used twice: survey ids must be unique'],
    ['not an object', 'https://example.com', 'options must be an object like { endpoint: "https://…", surveys: [...] } (got "https://example.com")'],
  ];
  it.each(cases)('%s', (_, input, message) => {
    const { errors } = parseOptions(input);
    expect(errors).toEqual([message]);
  });

  it('keeps the good parts: a bad field falls back to its default, good surveys stay', () => {
    const { config, errors } = parseOptions({ endpoint, sampleRate: -1, surveys: [{ id: 'ok', type: 'nps' }, { id: 'bad', type: 'x' }] });
    expect(errors).toHaveLength(2);
    expect(config?.sampleRate).toBe(1);
    expect(config?.surveys.map((s) => s.id)).toEqual(['ok']);
  });

  it('returns no config when the endpoint is unusable, so no request can be made', () => {
    expect(parseOptions({ endpoint: 'javascript:alert(1)', surveys: [{ id: 'a', type: 'nps' }] }).config).toBeUndefined();
  });
});

describe('parseOptions: unknown keys are warnings with typo help', () => {
  it('suggests the close key at the top level and inside surveys', () => {
    const { config, errors, warnings } = parseOptions({
      endpoint, survey: [], Debug: true,
      surveys: [{ id: 'a', type: 'nps', trigger: { evnt: 'checkout' }, cooldown: 3 }],
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'unknown option survey is ignored (did you mean `surveys`?)',
      'unknown option Debug is ignored (did you mean `debug`?)',
      'unknown option surveys[0].trigger.evnt is ignored (did you mean `event`?)',
      'unknown option surveys[0].cooldown is ignored (did you mean `cooldownDays`?)',
    ]);
    expect(config?.surveys[0]).toEqual({ id: 'a', type: 'nps', trigger: {} });
  });
});

describe('parseOptions: prototype pollution', () => {
  it('ignores __proto__ and constructor keys at every depth', () => {
    const hostile = JSON.parse('{"endpoint":"https://e.com/f","__proto__":{"polluted":1},"context":{"__proto__":{"polluted":2},"constructor":{"prototype":{"polluted":3}}},"surveys":[{"id":"a","type":"nps","__proto__":{"polluted":4}}]}');
    const { config } = parseOptions(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(config!.context)).toEqual([]);
    expect(config!.surveys[0]).toEqual({ id: 'a', type: 'nps' });
  });

  it('survives cycles and functions without throwing', () => {
    const context: Record<string, unknown> = { orderId: 'A1', fn: () => 1 };
    context.self = context;
    const { config, errors } = parseOptions({ endpoint, context });
    expect(errors).toEqual([]);
    expect(config!.context.orderId).toBe('A1');
  });
});
