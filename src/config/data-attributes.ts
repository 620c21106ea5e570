import { surveyTypes } from '../surveys/kinds';
import type * as z from 'zod/mini';
import { safeParse, shielded } from '../common/shielded';
import { between, cssColor, nonEmpty, oneOf } from './checks';

/**
 * The one-tag install: `data-*` attributes of the `<script>` → init options. Each attribute is
 * checked on its own so a message names the attribute the owner typed (`data-delay must be …`).
 */
const attributeSchemas = {
  endpoint: () => nonEmpty('an https URL'),
  surveysUrl: () => nonEmpty('an https URL'),
  shownUrl: () => nonEmpty('an https URL'),
  survey: () => oneOf(surveyTypes),
  delay: () => between(0, 86_400, 'a number of seconds'),
  lang: () => nonEmpty('"auto" or a language tag like "th"'),
  accent: () => cssColor(),
  position: () => oneOf(['bottom-right', 'bottom-left', 'center']),
  debug: () => oneOf(['true', 'false']),
};

/** Seconds after load before a `data-survey` prompt shows when `data-delay` is absent. */
const defaultAttributeDelay = 5;

export function optionsFromAttributes(dataset: DOMStringMap): { options?: Record<string, unknown>; errors: string[] } {
  const errors: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, build] of Object.entries(attributeSchemas)) {
    const raw = dataset[key];
    if (raw === undefined) continue;
    const attribute = key.replace(/[A-Z]/g, (letter) => '-' + letter.toLowerCase());
    // Only the attributes the tag has are built and checked. data-delay is text: "" and "  " must fail, not read as 0.
    const result = safeParse(shielded(build as () => z.ZodMiniType), key === 'delay' ? Number(raw.trim() || NaN) : raw);
    if (result.success) values[key] = result.data;
    else errors.push(`data-${attribute} ${result.error.issues[0].message} (got ${JSON.stringify(raw)})`);
  }
  if (values.endpoint === undefined) return { errors };
  const theme: Record<string, unknown> = {};
  if (values.accent) theme.accent = values.accent;
  if (values.position) theme.position = values.position;
  const options: Record<string, unknown> = { endpoint: values.endpoint, theme };
  if (values.surveysUrl) options.surveysUrl = values.surveysUrl;
  if (values.shownUrl) options.shownUrl = values.shownUrl;
  if (values.lang) options.locale = values.lang;
  if (values.debug) options.debug = values.debug === 'true';
  if (values.survey) {
    const delay = (values.delay as number | undefined) ?? defaultAttributeDelay;
    options.surveys = [{ id: values.survey, type: values.survey, trigger: { delay } }];
  }
  return { options, errors };
}
