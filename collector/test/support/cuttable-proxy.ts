import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of the PostgreSQL server in `target` (a connection string; or
 * any TCP server given as a URL with its port, e.g. the app over HTTP), so one test can take "the
 * database" (or "the app") away without touching the server other tests share: `cut()`
 * drops every connection and refuses new ones (as a stopped server does), `restore()` listens again
 * on the same port (the server is back). `url` is `target` with the proxy's address.
 */
export async function startCuttableProxy(target: string) {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = (port: number) => new Promise<number>((resolve, reject) => {
    const next = createServer((client) => {
      const upstream = createConnection({ host: hostname, port: Number(targetPort || 5432) });
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {}); // the other side is closed with it below
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    next.once('error', reject);
    next.listen(port, '127.0.0.1', () => resolve((next.address() as AddressInfo).port));
    server = next;
  });
  const port = await listen(0);
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    /** The database goes away: open connections are reset, new ones refused. */
    async cut() {
      const closing = server;
      server = undefined;
      await new Promise<void>((resolve) => {
        if (!closing) return resolve();
        closing.close(() => resolve());
        for (const socket of sockets) socket.resetAndDestroy();
      });
    },
    /** The database is back on the same address. */
    async restore() {
      if (!server) await listen(port);
    },
    close() {
      return this.cut();
    },
  };
}

export type CuttableProxy = Awaited<ReturnType<typeof startCuttableProxy>>;
