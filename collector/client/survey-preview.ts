/**
 * Inside the editor's preview frame (`/assets/survey-preview.js`): shows the definition the editor
 * page posts, with the real widget (`/hearback.min.js`), at once and again on every change. A new
 * `init` replaces the widget; answers go to a route that keeps nothing.
 */
import type { PreviewMessage } from './survey-editor';

type CommandFunction = ((...args: unknown[]) => unknown) & { q?: unknown[][] };

/**
 * The widget's `show` moves focus into the prompt (on a site, a visitor asked for it). Here it runs
 * on every pause in the owner's typing, while the owner is in the editor around this frame: a
 * focus call from inside the frame would move the page's focus into it, and the next keys typed
 * would be lost from the field. So focus moves inside the frame only while the frame has it (the
 * owner clicked or tabbed into the preview to try it).
 */
function keepFocusWithTheEditor() {
  const focus = HTMLElement.prototype.focus;
  HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
    if (document.hasFocus()) focus.call(this, options);
  };
}

function start() {
  keepFocusWithTheEditor();
  const w = window as unknown as { hearback?: CommandFunction };
  // The stub queue: works whether or not /hearback.min.js has run yet.
  const hearback: CommandFunction =
    w.hearback ?? (w.hearback = Object.assign((...args: unknown[]) => void (hearback.q = hearback.q ?? []).push(args), { q: [] as unknown[][] }));

  addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
    if (event.origin !== location.origin || event.data?.kind !== 'hearback-preview') return;
    const { survey, look, locale } = event.data;
    // Shown at once: no trigger, sampling or cooldown in a preview; inline surveys go in the frame's page.
    const definition: Record<string, unknown> = { ...survey, cooldownDays: 0, ...(survey.mode === 'inline' ? { target: '#inline-target' } : {}) };
    delete definition.trigger;
    delete definition.sampleRate;
    const callable = (window as unknown as { hearback: CommandFunction }).hearback;
    callable('init', {
      endpoint: `${location.origin}/app/surveys/preview/answers`,
      locale,
      theme: { ...(look.accent ? { accent: look.accent } : {}), ...(look.position ? { position: look.position } : {}) },
      surveys: [definition],
    });
    callable('show', String(survey.id));
  });
}

start();
