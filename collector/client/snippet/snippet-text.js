// The snippet a shop pastes, from the builder's choices: plain JavaScript, no DOM, loaded by the
// builder page's script (client/snippet.js, bundled with it) and imported by the collector's tests.

/**
 * @typedef {{
 *   survey: string, type: 'nps' | 'csat' | 'ces',
 *   trigger: 'event' | 'delay' | 'scroll' | 'exitIntent' | 'pageViews', triggerValue: string,
 *   lang: string, accent: string, position: 'bottom-right' | 'bottom-left' | 'center',
 *   style: 'numbers' | 'smileys',
 * }} Choices
 * @typedef {{ scriptUrl: string, integrity: string, endpoint: string }} Target
 */

/** What the one-tag install assumes when an attribute is absent (README, "Paste one tag"). */
export const tagDefaults = { delay: 5, lang: 'auto', accent: '#2563eb', position: 'bottom-right' };

const numericTriggers = { delay: 5, scroll: 50, pageViews: 3 };

/** The survey definition the choices describe (what `hearback('init', …)` gets). */
export function surveyDefinition(choices) {
  const { trigger } = choices;
  const fallback = numericTriggers[trigger];
  const raw = choices.triggerValue.trim();
  const value = trigger === 'exitIntent' ? true
    : fallback === undefined ? raw || 'checkout'
      : Number.isFinite(Number(raw)) && raw !== '' ? Math.max(0, Math.round(Number(raw))) : fallback;
  /** @type {Record<string, unknown>} */
  const definition = { id: choices.survey.trim() || choices.type, type: choices.type, trigger: { [trigger]: value } };
  if (choices.style === 'smileys') definition.style = 'smileys';
  return definition;
}

/**
 * One tag (`data-survey`) when the choices fit it: a built-in survey whose id is its type, shown
 * some seconds after load, with number buttons. Anything else needs the stub-queue form.
 */
export function fitsOneTag(choices) {
  const definition = surveyDefinition(choices);
  return choices.trigger === 'delay' && definition.id === choices.type && choices.style !== 'smileys';
}

/**
 * The snippet, pinned to one version of the script with its SRI hash (`integrity` +
 * `crossorigin`), answers posted to `target.endpoint`.
 * @param {Choices} choices
 * @param {Target} target
 */
export function snippetText(choices, target) {
  const script = `<script async src="${attr(target.scriptUrl)}"\n        integrity="${attr(target.integrity)}" crossorigin="anonymous"`;
  if (fitsOneTag(choices)) {
    const definition = surveyDefinition(choices);
    const data = [['endpoint', target.endpoint], ['survey', choices.type], ['delay', String(definition.trigger.delay)]];
    if (choices.lang !== tagDefaults.lang) data.push(['lang', choices.lang]);
    if (choices.accent.toLowerCase() !== tagDefaults.accent) data.push(['accent', choices.accent]);
    if (choices.position !== tagDefaults.position) data.push(['position', choices.position]);
    return `${script}\n        ${data.map(([name, value]) => `data-${name}="${attr(value)}"`).join(' ')}></script>`;
  }
  /** @type {Record<string, unknown>} */
  const options = { endpoint: target.endpoint };
  if (choices.lang !== 'auto') options.locale = choices.lang;
  options.theme = { accent: choices.accent, position: choices.position };
  options.surveys = [surveyDefinition(choices)];
  return [
    '<script>window.hearback=window.hearback||function(){(hearback.q=hearback.q||[]).push(arguments)};',
    `hearback('init',${js(options)});</script>`,
    `${script}></script>`,
  ].join('\n');
}

/** Text safe inside a double-quoted HTML attribute. */
function attr(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * A value as single-quoted JavaScript, as the README writes the snippet. `<` is escaped too, so
 * nothing typed into a field can close the inline `<script>` (`</script>`, `<!--`).
 */
function js(value) {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/</g, '\\x3c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
  if (Array.isArray(value)) return `[${value.map(js).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : js(key)}:${js(item)}`).join(',')}}`;
  }
  return String(value);
}
