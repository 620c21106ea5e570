// Vitest global setup for the collector: builds the client assets once, so pages the tests load
// find their /assets/ files.
// @ts-expect-error -- a plain .mjs build script without types
import { buildClient } from '../scripts/build.mjs';

export default async function setup() {
  await buildClient();
}
