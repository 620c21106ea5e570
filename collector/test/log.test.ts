import { describe, expect, it } from 'vitest';
import { createLog } from '../src/http/log';

describe('createLog', () => {
  it('writes the lines of one turn of the event loop together, in order, one JSON object per line', async () => {
    const writes: string[] = [];
    const errors: string[] = [];
    const log = createLog({ out: (text) => writes.push(text), err: (text) => errors.push(text) });
    log.info({ method: 'POST', route: '/api/responses', status: 201, ms: 1.2 });
    log.info({ method: 'GET', route: '/healthz', status: 200, ms: 0.4 });
    expect(writes).toEqual([]);
    log.error('storing an answer failed', { error: 'connection refused' });
    expect(errors).toHaveLength(1); // errors are not held back
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(1);
    const lines = writes[0].trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { time: expect.any(String), method: 'POST', route: '/api/responses', status: 201, ms: 1.2 },
      { time: expect.any(String), method: 'GET', route: '/healthz', status: 200, ms: 0.4 },
    ]);
    expect(JSON.parse(errors[0])).toMatchObject({ level: 'error', message: 'storing an answer failed', error: 'connection refused' });
  });
});
