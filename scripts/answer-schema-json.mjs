// A rollup plugin for the npm build: once dist/receiver.js is written, it loads it, takes the
// receiver kit's `answerSchema` — the zod schema the SDK builds every payload against — and writes
// it as JSON Schema (zod's own `toJSONSchema`), for receivers written in other languages. The file
// is generated from the schema, never kept by hand, so the two cannot disagree.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toJSONSchema } from 'zod/mini';

/** True for a zod v4 schema (classic or mini): both carry their definition on `_zod.def`. */
export function isZodSchema(value) {
  return typeof value === 'object' && value !== null && typeof value._zod === 'object' && value._zod !== null && typeof value._zod.def === 'object';
}

/**
 * The payload's JSON Schema. `io: 'input'` describes what a receiver accepts (the shape on the
 * wire); it throws if the schema holds something JSON Schema cannot say (a transform, a custom
 * type), which the build must not paper over.
 */
export function answerJsonSchema(answerSchema) {
  if (!isZodSchema(answerSchema)) {
    const found = answerSchema === undefined ? 'nothing (no export named answerSchema)' : `${answerSchema === null ? 'null' : typeof answerSchema === 'object' ? 'an object' : `a ${typeof answerSchema}`} without zod's _zod.def`;
    throw new Error(`answer.schema.json: src/receiver.ts must export answerSchema as a zod schema (zod/mini); found ${found}`);
  }
  return toJSONSchema(answerSchema, { target: 'draft-2020-12', io: 'input' });
}

export function answerSchemaJson({ receiver, output }) {
  return {
    name: 'answer-schema-json',
    async writeBundle() {
      // A query string makes Node load the file just written, not one cached by an earlier build (watch mode).
      const url = pathToFileURL(resolve(receiver)).href + '?build=' + Date.now();
      const { answerSchema } = await import(url);
      writeFileSync(output, JSON.stringify(answerJsonSchema(answerSchema), null, 2) + '\n');
    },
  };
}
