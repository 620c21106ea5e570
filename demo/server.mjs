// The demo, the reference collector and the dashboard on one port: `npm start`, or
// `node demo/server.mjs`. Env: PORT (default 8787, 0 = any free port), HOST (default 127.0.0.1),
// DATABASE_URL (PostgreSQL server; else PGlite), HEARBACK_DATA_DIR (PGlite folder, default .data/pglite).
import { createServer } from 'node:http';
import { openDatabase } from './db/open-database.mjs';
import { createCollector } from './create-collector.mjs';
import { loadReceiverKit } from './load-receiver-kit.mjs';
import { createSiteFiles, demoDirs } from './http/site-files.mjs';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST || '127.0.0.1';

const kit = await loadReceiverKit();
const { db, where } = await openDatabase(process.env);
const { handle, applied } = await createCollector({ db, kit, fallback: createSiteFiles(demoDirs()) });
const server = createServer(handle);
server.keepAliveTimeout = 65_000;

server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `hearback demo: port ${port} is taken; try PORT=8788 npm start` : error);
  process.exit(1);
});
server.listen(port, host, () => {
  const { port: actual } = server.address();
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  console.log(`hearback demo listening on ${origin}
  database:   ${where}${applied.length ? ` (migrated: ${applied.join(', ')})` : ''}
  receiver:   ${kit.from}
  shop:       ${origin}/shop/
  kiosk:      ${origin}/kiosk.html
  builder:    ${origin}/builder.html
  dashboard:  ${origin}/dashboard.html
  collector:  POST ${origin}/api/responses · export ${origin}/api/responses.csv · ${origin}/api/responses.json`);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections?.();
    db.close().finally(() => process.exit(0));
  });
}
