import { useState } from 'preact/hooks';
import type { Case } from '../../src/inbox/case-store';
import { postJson } from './api';
import { AnswerFacts, ScoreBadge } from './answer-facts';
import type { Format } from './format';
import { t, type Lang } from './messages';

/** Who the customer is, from what the site passed in `user` (name, phone, email) and the user id. */
function customer(user: Record<string, unknown> | undefined): string[] {
  if (!user) return [];
  return ['name', 'phone', 'email', 'id'].map((key) => user[key]).filter((value): value is string | number => typeof value === 'string' || typeof value === 'number').map(String);
}

const orderKeys = ['orderId', 'order_id', 'order'];

/**
 * One case: the unhappy answer and what came with it (customer, order, branch), where it stands
 * (who contacted or resolved it, when), a note, and the next step of open → contacted → resolved.
 */
export function CaseCard({ lang, format, item, onChanged }: { lang: Lang; format: Format; item: Case; onChanged: () => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { answer } = item;
  const who = customer(answer.user);
  const order = orderKeys.map((key) => answer.context?.[key]).find((value) => typeof value === 'string' || typeof value === 'number');
  const heading = `case-${item.id}`;

  const act = async (path: string, body: Record<string, string>) => {
    setBusy(true);
    try {
      await postJson(`/api/cases/${encodeURIComponent(item.id)}/${path}`, body);
      setNote('');
      setProblem(undefined);
      onChanged();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const move = (state: 'contacted' | 'resolved' | 'open') => act('state', note.trim() ? { state, note: note.trim() } : { state });

  return (
    <li class={`card case ${item.state}`} aria-labelledby={heading} data-case={item.id}>
      <div class="case-head">
        <ScoreBadge lang={lang} answer={answer} />
        <span class={`state-pill ${item.state}`} id={heading}>{t(lang, `state_${item.state}`)}</span>
      </div>
      <p class="comment-text" lang={answer.locale}>{answer.comment ?? <span class="muted">{t(lang, 'noComment')}</span>}</p>
      <dl class="case-facts">
        {who.length > 0 && <><dt>{t(lang, 'customer')}</dt><dd>{who.join(' · ')}</dd></>}
        {order !== undefined && <><dt>{t(lang, 'order')}</dt><dd>{String(order)}</dd></>}
      </dl>
      <p class={`consent small ${answer.contact ? 'yes' : ''}`}>{t(lang, answer.contact ? 'agreedToContact' : 'noContactConsent')}</p>
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
          <label class="sr-only" for={`note-${item.id}`}>{t(lang, 'note')}</label>
          <textarea id={`note-${item.id}`} rows={2} maxLength={2000} value={note} onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)} />
          <p class="muted small">{t(lang, 'noteHelp')}</p>
          <button type="button" class="secondary-button" disabled={busy || !note.trim()} onClick={() => act('notes', { note: note.trim() })}>{t(lang, 'addNote')}</button>
        </details>
        {problem && <p class="error" role="alert">{problem}</p>}
      </div>
    </li>
  );
}
