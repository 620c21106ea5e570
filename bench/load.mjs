// The collector's bounded load check in `npm test`: the built command on PGlite in a temp folder,
// 10,000 answers of which 10% repeat an earlier id, from 50 concurrent keep-alive clients. Fails if
// any distinct answer is missing or stored twice; prints throughput and latency (no speed target:
// `npm run bench` measures those, on PGlite and PostgreSQL). Bounded: fixed request count, 30 s per
// request, 300 s in all — generous, as `npm test` may share the machine with other work.
// Usage: node bench/load.mjs [--answers 10000] [--clients 50]
import { describeRun, measureCollector } from './answer-load.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const total = arg('answers', 10_000);
const clients = arg('clients', 50);

const deadline = setTimeout(() => {
  console.error('load test FAILED: did not finish within 300 s');
  process.exit(1);
}, 300_000);
deadline.unref();

const run = await measureCollector({ total, clients, timeoutMs: 30_000 });
console.log(describeRun(run, clients));
if (run.problems.length) {
  console.error(`load test FAILED: ${run.problems.join('; ')}`);
  process.exit(1);
}
console.log('load test passed: every distinct answer stored exactly once');
