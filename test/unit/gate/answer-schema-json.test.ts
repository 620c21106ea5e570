import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { answerSchema } from '../../../src/receiver';
// @ts-expect-error plain ESM script without types
import { answerJsonSchema, isZodSchema } from '../../../scripts/answer-schema-json.mjs';

describe('dist/answer.schema.json from the receiver kit', () => {
  it('is JSON Schema written from a zod schema', () => {
    const schema = z.object({ v: z.literal(1), score: z.number(), comment: z.optional(z.string().check(z.maxLength(2000))) });
    expect(isZodSchema(schema)).toBe(true);
    expect(answerJsonSchema(schema)).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { v: { const: 1 }, score: { type: 'number' }, comment: { type: 'string', maxLength: 2000 } },
      required: ['v', 'score'],
    });
  });

  it("is written from the receiver kit's own answerSchema: every payload field, the required ones required", () => {
    const json = answerJsonSchema(answerSchema);
    expect(Object.keys(json.properties)).toEqual(expect.arrayContaining(['v', 'id', 'survey', 'type', 'score', 'scale', 'comment', 'locale', 'url', 'answeredAt', 'sdk']));
    expect(json.required).toEqual(expect.arrayContaining(['v', 'id', 'survey', 'type', 'score', 'scale']));
    expect(json.required).not.toContain('comment');
    expect(json.properties.type.enum).toEqual(['nps', 'csat', 'ces']);
    // Receivers in other languages get the same bounds: base64url ids and keys, a short sdk, short reasons.
    expect(json.properties.key).toMatchObject({ type: 'string', pattern: '^[A-Za-z0-9_-]{22,128}$' });
    expect(json.required).not.toContain('key');
    expect(json.properties.id.pattern).toBe('^[A-Za-z0-9_-]{8,64}$');
    expect(json.properties.sdk.pattern).toBe('^[A-Za-z0-9_.+/@-]{1,64}$');
    expect(json.properties.reasons).toMatchObject({ maxItems: 20, items: { type: 'string', maxLength: 100 } });
  });

  it.each([
    [undefined, 'nothing (no export named answerSchema)'],
    [null, "null without zod's _zod.def"],
    [{ safeParse: () => ({ success: true }) }, "an object without zod's _zod.def"],
    [() => true, "a function without zod's _zod.def"],
  ])('fails the build loudly when answerSchema is not a zod schema: %s', (value, found) => {
    expect(() => answerJsonSchema(value)).toThrow(`answer.schema.json: src/receiver.ts must export answerSchema as a zod schema (zod/mini); found ${found}`);
  });
});
