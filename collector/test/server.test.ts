// The process around the app: migrations and the first owner on start, graceful shutdown, and
// health when the database is gone.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/config';
import { silentLog } from '../src/http/log';
import { startServer } from '../src/server';

describe('startServer', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('migrates, creates the owner, keeps data across restarts, and finishes requests in flight on close', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearback-server-'));
    dirs.push(dataDir);
    const said: string[] = [];
    const config = testConfig({ dataDir, port: 0, admin: { email: 'owner@shop.example', password: 'owner password 1' } });
    let release = () => {};
    let arrived = () => {};
    const slowArrived = new Promise<void>((resolve) => (arrived = resolve));
    const running = await startServer({
      config, log: silentLog, say: (line) => said.push(line),
      site: (app) => app.get('/slow', async (c) => {
        await new Promise<void>((resolve) => {
          release = resolve;
          arrived();
        });
        return c.text('finished');
      }),
    });
    expect(said[0]).toBe(`hearback collector listening on ${running.origin}`);
    expect(said.join('\n')).toMatch(/PGlite in .*\(migrated: 1, 2/);
    expect(said.join('\n')).toContain('owner@shop.example created from HEARBACK_ADMIN_EMAIL');

    const slow = fetch(`${running.origin}/slow`);
    // In flight: the server has the request (on a busy machine 100 ms was sometimes not enough, and
    // closing reset a connection still in the listen queue).
    await slowArrived;
    const closed = running.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${running.origin}/healthz`)).rejects.toThrow(); // no new connections
    release();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('finished');
    await closed;

    const again: string[] = [];
    const restarted = await startServer({ config, log: silentLog, say: (line) => again.push(line) });
    try {
      expect(again.join('\n')).not.toMatch(/migrated|created/);
      expect(await restarted.accounts.users.count()).toBe(1);
    } finally {
      await restarted.close();
    }
  }, 60_000);

  it('prints a one-time setup link when nobody can sign in yet', async () => {
    const said: string[] = [];
    const running = await startServer({ config: testConfig({ port: 0, publicUrl: 'https://feedback.shop.example' }), log: silentLog, say: (line) => said.push(line) });
    try {
      expect(said.join('\n')).toMatch(/https:\/\/feedback\.shop\.example\/setup\?token=hb_setup_[\w-]{43}/);
    } finally {
      await running.close();
    }
  }, 60_000);

  it('answers /healthz with 503 once the database is gone', async () => {
    const running = await startServer({ config: testConfig({ port: 0 }), log: silentLog, say: () => {} });
    await running.db.close();
    const response = await fetch(`${running.origin}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, problems: ['the database does not answer'] });
    await new Promise((resolve) => running.server.close(resolve));
  }, 60_000);

  it('cuts off a client that dribbles its headers or its body, with 408, instead of holding the socket for minutes', async () => {
    const running = await startServer({ config: testConfig({ port: 0 }), log: silentLog, say: () => {}, limits: { headersMs: 400, requestMs: 800, checkEveryMs: 100 } });
    const { port } = new URL(running.origin);
    /** Sends `head`, then one byte of `drip` every 50 ms; resolves with what came back and how long the socket lived. */
    const dribble = (head: string, drip: string) => new Promise<{ reply: string; ms: number }>((resolve) => {
      const started = Date.now();
      const socket = connect(Number(port), '127.0.0.1');
      let reply = '';
      let i = 0;
      const timer = setInterval(() => {
        if (i < drip.length && !socket.destroyed) socket.write(drip[i++]);
      }, 50);
      socket.on('data', (chunk) => (reply += chunk.toString()));
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ reply, ms: Date.now() - started });
      });
      socket.write(head);
    });
    try {
      const body = JSON.stringify({ v: 1, id: 'x'.repeat(400) });
      const slowBody = await dribble(`POST /api/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`, body);
      expect(slowBody.reply).toMatch(/^HTTP\/1\.1 408/);
      expect(slowBody.ms).toBeLessThan(5_000);
      const slowHeaders = await dribble('', `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'p'.repeat(200)}\r\n\r\n`);
      expect(slowHeaders.reply).toMatch(/^HTTP\/1\.1 408/);
      expect(slowHeaders.ms).toBeLessThan(5_000);
      // A client at a normal pace is unaffected.
      expect((await fetch(`${running.origin}/healthz`)).status).toBe(200);
    } finally {
      await running.close();
    }
  }, 60_000);
});
