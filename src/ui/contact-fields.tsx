import type { Messages } from '../i18n/messages';
import { contactViaPatterns, contactWayMaxLength, type ContactWay } from '../payload/contact-ways';

export type ContactValues = Partial<Record<ContactWay, string>>;

/** Per way: the input's type, its keyboard, and what the browser may fill in (a popup only). */
const inputs: Record<ContactWay, { type: 'tel' | 'email' | 'text'; inputMode: 'tel' | 'email' | 'text'; autoComplete: string }> = {
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
  line: { type: 'text', inputMode: 'text', autoComplete: 'off' },
};

/**
 * What is wrong with the ways typed, as the payload's patterns see them (a receiver would refuse
 * the same): a message per way that does not match, or, when none was given, one on the first
 * field. Empty when the answer can go.
 */
export function contactProblems(ways: ContactWay[], values: ContactValues, messages: Messages): ContactValues {
  const problems: ContactValues = {};
  const given = ways.filter((way) => values[way]?.trim());
  for (const way of given) if (!contactViaPatterns[way].test(values[way]!.trim())) problems[way] = messages[`${way}Error`];
  if (!given.length) problems[ways[0]] = messages.contactNeeded;
  return problems;
}

/**
 * The fields the contact tick reveals: one labelled input per way the survey asks for, each with
 * its problem tied to it (`aria-invalid`, `aria-describedby`). A kiosk's fields take no autofill:
 * the next customer must not be offered the last one's number or address.
 */
export function ContactFields(props: { ways: ContactWay[]; values: ContactValues; problems: ContactValues; messages: Messages; kiosk: boolean; onInput(way: ContactWay, value: string): void }) {
  const { ways, values, problems, messages, kiosk, onInput } = props;
  return (
    <div class="contact-ways">
      {ways.map((way) => {
        const id = `contact-${way}`;
        const problem = problems[way];
        return (
          <div class="contact-way" key={way}>
            <label for={id}>{messages[way]}</label>
            {/* preact's types tie `list` to some `type` values; ours never use it */}
            <input id={id} type={inputs[way].type as 'text'} inputMode={inputs[way].inputMode} autoComplete={kiosk ? 'off' : inputs[way].autoComplete}
              spellcheck={false} maxLength={contactWayMaxLength[way]} value={values[way] ?? ''} aria-invalid={problem ? 'true' : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined} onInput={(event) => onInput(way, (event.target as HTMLInputElement).value)} />
            {problem && <p class="problem" id={`${id}-problem`}>{problem}</p>}
          </div>
        );
      })}
    </div>
  );
}
