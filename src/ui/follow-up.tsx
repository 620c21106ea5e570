import { useEffect, useRef, useState } from 'preact/hooks';
import type { Messages } from '../i18n/messages';
import { sendOnEnter } from './enter-key';
import { maxCommentLength } from '../surveys/kinds';
import type { ContactWay } from '../payload/contact-ways';
import { ContactFields, contactProblems, type ContactValues } from './contact-fields';
import type { Session } from './session';

interface FollowUpProps {
  session: Session;
  messages: Messages;
  /** The "why" question, already filled; shown as the heading even when the text box is off. */
  prompt: string;
  askComment: boolean;
  /** Owner's reason chips; "Other" is added and sent as `other`. */
  reasons: string[];
  askContact: boolean;
  /** The ways to reach the visitor the contact tick reveals (none: the tick alone). */
  contactWays: ContactWay[];
  /** Kiosk: one big "Done" sends what was given, or nothing (the score is already stored). */
  kiosk: boolean;
}

export function FollowUp({ session, messages, prompt, askComment, reasons, askContact, contactWays, kiosk }: FollowUpProps) {
  const [comment, setComment] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [contact, setContact] = useState(false);
  const [via, setVia] = useState<ContactValues>({});
  const [problems, setProblems] = useState<ContactValues>({});
  const box = useRef<HTMLDivElement>(null);
  const chips = reasons.length ? [...reasons, 'other'] : [];
  const toggle = (reason: string) => setPicked(picked.includes(reason) ? picked.filter((r) => r !== reason) : [...picked, reason]);
  const asksWays = contact && contactWays.length > 0;
  // A problem found on send takes focus to its field, where its message is read out.
  useEffect(() => box.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), [problems]);
  const send = () => {
    const found = asksWays ? contactProblems(contactWays, via, messages) : {};
    setProblems(found);
    if (Object.keys(found).length) return;
    void session.complete({
      ...(comment.trim() && { comment: comment.trim().slice(0, maxCommentLength) }),
      ...(picked.length && { reasons: picked }),
      ...(contact && { contact }),
      ...(asksWays && { contactVia: Object.fromEntries(contactWays.map((way) => [way, via[way]?.trim()]).filter(([, value]) => value)) }),
    });
  };
  return (
    <div class="more" ref={box} onKeyDown={sendOnEnter(send)}>
      <p class="question" id="follow-up-question">{prompt}</p>
      {!!chips.length && (
        <div class="chips" role="group" aria-labelledby="follow-up-question">
          {chips.map((reason) => (
            <label class="chip" key={reason}>
              <input type="checkbox" checked={picked.includes(reason)} onChange={() => toggle(reason)} />
              <span>{reason === 'other' ? messages.other : reason}</span>
            </label>
          ))}
        </div>
      )}
      {askComment && (
        <textarea aria-labelledby="follow-up-question" maxLength={maxCommentLength} value={comment}
          onInput={(event) => setComment((event.target as HTMLTextAreaElement).value)} />
      )}
      {askContact && (
        <label class="contact">
          <input type="checkbox" checked={contact} onChange={() => setContact(!contact)} />
          {messages.contact}
        </label>
      )}
      {asksWays && <ContactFields ways={contactWays} values={via} problems={problems} messages={messages} kiosk={kiosk}
        onInput={(way, value) => setVia({ ...via, [way]: value })} />}
      <div class="actions">
        {!kiosk && <button type="button" class="button button-quiet" disabled={session.busy.value} onClick={() => session.complete({})}>{messages.skip}</button>}
        <button type="button" class="button" disabled={session.busy.value} onClick={send}>{kiosk ? messages.done : messages.send}</button>
      </div>
    </div>
  );
}
