import { useEffect, useRef } from 'preact/hooks';
import { isRtl, type Messages } from '../i18n/messages';
import { textOnAccent } from './contrast';
import { FollowUp } from './follow-up';
import { ChatIcon, CheckIcon, CloseIcon, MinimiseIcon } from './icons';
import { sendOnEnter } from './enter-key';
import type { PromptRequest } from './prompt-types';
import { Scale } from './scale';
import type { Session } from './session';
import { fill, pickText } from './texts';

/** The prompt: reads the session's signals (re-rendering when they change) and calls its actions. */
export function Prompt({ session, request, messages }: { session: Session; request: PromptRequest; messages: Messages }) {
  const { survey, locale, theme, values } = request;
  const { mode, kind } = session;
  const say = (value: Parameters<typeof pickText>[0], fallback: string) => fill(pickText(value, locale, session.band.value) ?? fallback, values);
  const step = session.step.value;
  const link = step === 'thanks' ? session.reviewLink : undefined;
  const accent = theme.accent ?? '#2563eb';
  const stepRef = useRef<HTMLDivElement>(null);

  // Focus follows the visitor: into the prompt when asked for (or after they acted in it), never
  // stolen from the page by an automatic prompt. The question's group takes it, not the first score:
  // a focus ring there would look like a chosen answer (Tab or an arrow key reaches the scores).
  useEffect(() => {
    const box = stepRef.current;
    if (!session.focus.value || !box) return;
    const target = box.querySelector<HTMLElement>(step === 'ask' ? 'input:checked,fieldset' : step === 'more' ? 'input,textarea' : '.thanks') ?? box;
    target.focus();
  }, [session.focus.value]);

  const onKeyDown = (event: KeyboardEvent) => {
    session.touch();
    if (event.key === 'Escape' && mode === 'popup') {
      event.stopPropagation();
      session.close();
    }
  };
  /** An arrow key on the focused group moves to the first score, as it would from a radio. */
  const onGroupKey = (event: KeyboardEvent) => {
    if (event.target === event.currentTarget && event.key.startsWith('Arrow')) {
      event.preventDefault();
      (event.currentTarget as HTMLElement).querySelector('input')?.focus();
    }
  };

  return (
    <div class={`widget ${theme.colorScheme ?? 'auto'} ${mode} ${theme.position ?? 'bottom-right'}${mode !== 'popup' && survey.target ? ' in-page' : ''}${session.lifted.value ? ' lifted' : ''}`} lang={locale}
      dir={isRtl(locale) ? 'rtl' : 'ltr'} style={{ '--accent': accent, '--on-accent': textOnAccent(accent) }}>
      {session.minimised.value ? (
        <button type="button" class="pill" aria-expanded="false" onClick={() => session.restore()}>
          <ChatIcon />{messages.feedback}
        </button>
      ) : (
        <section class="panel" role={mode === 'popup' ? 'dialog' : 'region'} aria-label={messages.feedback} onKeyDown={onKeyDown}
          onPointerDown={session.touch} onInput={session.touch}>
          {mode === 'popup' && (
            <div class="corner">
              {step !== 'thanks' && (
                <button type="button" class="icon-button" aria-label={messages.minimise} onClick={session.minimise}><MinimiseIcon /></button>
              )}
              <button type="button" class="icon-button" aria-label={messages.close} onClick={session.close}><CloseIcon /></button>
            </div>
          )}
          <div class="step" ref={stepRef} tabIndex={-1}>
            {step === 'ask' && (
              <div onKeyDown={sendOnEnter(session.submit)}>
                <fieldset role="radiogroup" tabIndex={-1} onKeyDown={onGroupKey}>
                  <legend class="question">{say(survey.question, messages[survey.type])}</legend>
                  <Scale session={session} scale={kind.scale} smileys={survey.style === 'smileys'}
                    low={messages[`${survey.type}Low`]} high={messages[`${survey.type}High`]} />
                </fieldset>
                <div class="actions">
                  <button type="button" class="button" disabled={!session.canSend.value} onClick={session.submit}>{messages.send}</button>
                </div>
              </div>
            )}
            {step === 'more' && (
              <FollowUp session={session} messages={messages} prompt={say(survey.followUp, messages.followUp)}
                askComment={survey.followUp !== false} reasons={survey.reasons ?? []} askContact={session.asksContact.value} contactWays={session.contactWays} kiosk={mode === 'kiosk'} />
            )}
            <div class="thanks" role="status" tabIndex={-1}>
              {step === 'thanks' && [
                <CheckIcon key="i" />,
                <span key="t">{say(survey.thankYou, messages.thanks)}</span>,
                link && <a key="l" class="button" href={link.url} target="_blank" rel="noopener noreferrer">{say(link.label, link.url)}</a>,
              ]}
            </div>
          </div>
          {session.waiting.value > 0 && <p class="waiting">{messages.waiting.replace('{n}', String(session.waiting.value))}</p>}
        </section>
      )}
    </div>
  );
}
