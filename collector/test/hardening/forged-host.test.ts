// Without HEARBACK_PUBLIC_URL a request's Host header must not end up in links, posters or the
// survey page: any client can send Host: evil.example (or a rebinding name that resolves here).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { asBrowser, databaseKind, signIn, startTestCollector, type TestCollector } from '../harness';

/** GET with any Host header (fetch may not set one). */
function getWithHost(origin: string, path: string, host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: { ...headers, host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('forged Host', () => {
  it('refuses to start on an address other machines reach without HEARBACK_PUBLIC_URL, in one line', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ HEARBACK_TIMEZONE: 'UTC', ...env });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ HOST: '0.0.0.0' })).toEqual([
      'HOST: "0.0.0.0" takes connections from other machines, so set HEARBACK_PUBLIC_URL (e.g. https://feedback.shop.example): links and posters must not take their address from a request\'s Host header',
    ]);
    expect(problems({ HOST: '192.168.1.20' })).toHaveLength(1);
    expect(problems({ HOST: '0.0.0.0', HEARBACK_PUBLIC_URL: 'https://feedback.shop.example' })).toEqual([]);
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1']) expect(problems({ HOST: host }), host).toEqual([]);
  });

  describe(`on loopback without HEARBACK_PUBLIC_URL (${databaseKind})`, () => {
    let collector: TestCollector;
    let owner: string;

    beforeAll(async () => {
      collector = await startTestCollector();
      owner = await signIn(collector);
      const created = await collector.request('/links/surveys', {
        method: 'POST', headers: asBrowser(collector, owner, { 'content-type': 'application/json' }), body: JSON.stringify({ id: 'after-meal', type: 'csat', contextKeys: 'branch' }),
      });
      expect(created.status).toBe(200);
    }, 60_000);
    afterAll(() => collector?.close());

    it('the survey page and the links page use the address the app listens on, not the Host a client sent', async () => {
      const page = await getWithHost(collector.origin, '/s/after-meal', 'evil.example');
      expect(page.status).toBe(200);
      expect(page.body).toContain(`${collector.origin}/api/responses`);
      expect(page.body).not.toContain('evil.example');
      const links = await getWithHost(collector.origin, '/links/after-meal?branch=Siam', 'evil.example', { cookie: owner });
      expect(links.status).toBe(200);
      expect(links.body).toContain(`${collector.origin}/s/after-meal?branch=Siam`);
      expect(links.body).not.toContain('evil.example');
    });
  });
});
