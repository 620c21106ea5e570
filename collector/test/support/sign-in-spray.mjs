// A sign-in spray from outside the server's process, as an attacker on another machine sends it:
// waves of 100 sign-ins with wrong passwords, each from its own address (X-Forwarded-For, for a
// collector with trustProxy 1), until a line arrives on stdin or `maxWaves` waves are done; then
// prints `{ waves, statuses }` as JSON and exits.
// Usage: node sign-in-spray.mjs <origin> <maxWaves>
const [origin, maxWaves = '20'] = process.argv.slice(2);
let stop = false;
process.stdin.on('data', () => (stop = true));
process.stdin.on('end', () => (stop = true));

const statuses = {};
let waves = 0;
const signIn = async (wave, i) => {
  try {
    const response = await fetch(`${origin}/signin`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', 'x-forwarded-for': `10.${wave % 250}.${i >> 8}.${i & 255}` },
      body: JSON.stringify({ email: `spray-${wave}-${i}@shop.example`, password: 'not the password' }),
    });
    await response.arrayBuffer();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  } catch {
    statuses.failed = (statuses.failed ?? 0) + 1;
  }
};
while (!stop && waves < Number(maxWaves)) {
  await Promise.all(Array.from({ length: 100 }, (_, i) => signIn(waves, i)));
  waves += 1;
}
process.stdout.write(`${JSON.stringify({ waves, statuses })}\n`);
process.exit(0);
