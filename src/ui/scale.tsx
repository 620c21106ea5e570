import { Face } from './icons';
import type { Session } from './session';

interface ScaleProps {
  session: Session;
  scale: readonly [number, number];
  /** Anchor texts of the lowest and highest score. */
  low: string;
  high: string;
  smileys: boolean;
}

/**
 * The score choices: native radios (arrow keys move, nothing submits), each named by its number,
 * the ends also by their anchor text ("0, Not at all likely"). The radio covers its whole box, so
 * the target is the box (≥ 41 px even at 320 px wide, where 0–10 wraps into two rows).
 */
export function Scale({ session, scale: [from, to], low, high, smileys }: ScaleProps) {
  const count = to - from + 1;
  return (
    <div class="scale">
      <div class={`choices choices-${count}${smileys ? ' smileys' : ''}`} style={{ '--count': count }}>
        {Array.from({ length: count }, (_, i) => {
          const score = from + i;
          const anchor = score === from ? low : score === to ? high : '';
          return (
            <label class="choice" key={score}>
              <input type="radio" name="score" value={score} checked={session.score.value === score}
                aria-label={smileys || anchor ? score + (anchor && ', ' + anchor) : undefined}
                onChange={() => session.choose(score)} />
              <span class="choice-face">{smileys ? <Face score={score} /> : score}</span>
            </label>
          );
        })}
      </div>
      <div class="anchors" aria-hidden="true"><span>{low}</span><span>{high}</span></div>
    </div>
  );
}
