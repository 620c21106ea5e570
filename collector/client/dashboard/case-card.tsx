import { useRef, useState } from 'preact/hooks';
import type { Case } from '../../src/inbox/case-store';
import { postJson } from './api';
import { AnswerFacts, ScoreBadge } from './answer-facts';
import { AssigneePicker, accountName, type Team } from './assignee-picker';
import { ContactWays } from './contact-ways';
import type { Format } from './format';
import { t, type Lang, type MessageKey } from './messages';

/** Who the customer is, from what the site passed in `user` (name, phone, email) and the user id. */
function customer(user: Record<string, unknown> | undefined): string[] {
  if (!user) return [];
  return ['name', 'phone', 'email', 'id'].map((key) => user[key]).filter((value): value is string | number => typeof value === 'string' || typeof value === 'number').map(String);
}

const orderKeys = ['orderId', 'order_id', 'order'];

/** What the page announces once a step is saved. */
const doneMessages: Record<'contacted' | 'resolved' | 'open' | 'note', MessageKey> = {
  contacted: 'markedContacted', resolved: 'markedResolved', open: 'markedOpen', note: 'noteSaved',
};

/** What the page announces once a case is given to someone (or to nobody). */
const assignedMessage = (lang: Lang, team: Team, updated: Case) =>
  (updated.assignee ? `${t(lang, 'assigned')} ${accountName(lang, team, updated.assignee)}` : t(lang, 'unassigned'));

/**
 * One case: the unhappy answer and what came with it (customer, order, branch), where it stands
 * (who contacted or resolved it, when), how to reach the customer, who has it and when it is due
 * (overdue marked in words, not colour alone), a note, and the next step of open → contacted → resolved.
 * After a step the card stays where it is with its new state, and focus returns to it (the button
 * pressed may be gone); `onChanged` gets the saved case and the sentence to announce.
 */
export function CaseCard({ lang, format, item, team, onChanged }: { lang: Lang; format: Format; item: Case; team?: Team; onChanged: (updated: Case, done: string) => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const card = useRef<HTMLLIElement>(null);
  const { answer } = item;
  const who = customer(answer.user);
  const order = orderKeys.map((key) => answer.context?.[key]).find((value) => typeof value === 'string' || typeof value === 'number');
  const heading = `case-${item.id}`;
  const noteId = `note-${item.id}`;

  const act = async (path: string, body: Record<string, string>, done: keyof typeof doneMessages | ((updated: Case) => string)) => {
    setBusy(true);
    try {
      const updated = await postJson<Case>(`/api/cases/${encodeURIComponent(item.id)}/${path}`, body);
      if (path !== 'assignee') setNote('');
      setProblem(undefined);
      onChanged(updated, typeof done === 'function' ? done(updated) : t(lang, doneMessages[done]));
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
      // The pressed button was disabled while saving (so the browser moved focus to <body>) and
      // may be gone now: focus goes back to the case.
      card.current?.focus();
    }
  };
  const move = (state: 'contacted' | 'resolved' | 'open') => act('state', note.trim() ? { state, note: note.trim() } : { state }, state);

  return (
    <li ref={card} tabIndex={-1} class={`card case ${item.state}`} aria-labelledby={heading} data-case={item.id}>
      <div class="case-head">
        <ScoreBadge lang={lang} answer={answer} />
        <span class={`state-pill ${item.state}`} id={heading}>{t(lang, `state_${item.state}`)}{item.overdue && <> · {t(lang, 'overdue')}</>}</span>
      </div>
      {item.state === 'open' && (
        <p class={`due small ${item.overdue ? 'overdue' : ''}`} data-testid="due">
          {item.overdue && <strong>{t(lang, 'overdue')}. </strong>}{t(lang, 'due')} {format.instant(item.dueAt)}
        </p>
      )}
      <p class="comment-text" lang={answer.locale}>{answer.comment ?? <span class="muted">{t(lang, 'noComment')}</span>}</p>
      <dl class="case-facts">
        {who.length > 0 && <><dt>{t(lang, 'customer')}</dt><dd>{who.join(' · ')}</dd></>}
        {order !== undefined && <><dt>{t(lang, 'order')}</dt><dd>{String(order)}</dd></>}
      </dl>
      <p class={`consent small ${answer.contact ? 'yes' : ''}`}>{t(lang, answer.contact ? 'agreedToContact' : 'noContactConsent')}</p>
      {answer.contact && answer.contactVia && <ContactWays lang={lang} via={answer.contactVia} id={item.id} />}
      {team && <AssigneePicker lang={lang} team={team} caseId={item.id} value={item.assignee} busy={busy} onAssign={(assignee) => act('assignee', { assignee }, (updated) => assignedMessage(lang, team, updated))} />}
      <AnswerFacts format={format} answer={answer} skip={orderKeys} />
      {(item.contactedAt || item.resolvedAt || item.note) && (
        <p class="small trail">
          {item.contactedAt && <span>{t(lang, 'contactedBy')} {item.contactedBy}, {format.instant(item.contactedAt)}. </span>}
          {item.resolvedAt && <span>{t(lang, 'resolvedBy')} {item.resolvedBy}, {format.instant(item.resolvedAt)}. </span>}
          {item.note && <span class="note">“{item.note}”</span>}
        </p>
      )}
      <div class="case-actions">
        <div class="buttons">
          {item.state === 'open' && <button type="button" disabled={busy} onClick={() => move('contacted')}>{t(lang, 'markContacted')}</button>}
          {item.state !== 'resolved' && <button type="button" disabled={busy} class={item.state === 'open' ? 'secondary-button' : ''} onClick={() => move('resolved')}>{t(lang, 'resolve')}</button>}
          {item.state !== 'open' && <button type="button" disabled={busy} class="secondary-button" onClick={() => move('open')}>{t(lang, 'reopen')}</button>}
        </div>
        <details class="note-box">
          <summary>{t(lang, 'note')}</summary>
          <label class="sr-only" for={noteId}>{t(lang, 'noteLabel')}</label>
          <textarea id={noteId} rows={2} maxLength={2000} value={note} aria-describedby={`${noteId}-help`} onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)} />
          <p class="muted small" id={`${noteId}-help`}>{t(lang, 'noteHelp')}</p>
          <button type="button" class="secondary-button" disabled={busy || !note.trim()} onClick={() => act('notes', { note: note.trim() }, 'note')}>{t(lang, 'addNote')}</button>
        </details>
        {problem && <p class="error" role="alert">{problem}</p>}
      </div>
    </li>
  );
}
