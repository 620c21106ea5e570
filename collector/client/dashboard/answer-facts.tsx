import { surveyTypeRegistry, type SurveyType } from 'hearback/receiver';
import type { AnswerRecord } from '../../src/dashboard/answer-record';
import type { Format } from './format';
import { t, type Lang } from './messages';

/** The score as a badge coloured by band: "NPS 3 / 10". */
export function ScoreBadge({ lang, answer }: { lang: Lang; answer: AnswerRecord }) {
  return (
    <span class={`score-badge ${answer.band}`} title={t(lang, answer.band)}>
      {surveyTypeRegistry[answer.type as SurveyType]?.label[lang] ?? answer.type} <strong>{answer.score}</strong><span class="muted"> / {answer.scale[1]}</span>
    </span>
  );
}

/** What came with an answer: when, the survey, and each context value (branch, order id…) not in `skip`. */
export function AnswerFacts({ format, answer, skip = [] }: { format: Format; answer: AnswerRecord; skip?: string[] }) {
  const context = Object.entries(answer.context ?? {}).filter(([key, value]) => !skip.includes(key) && ['string', 'number', 'boolean'].includes(typeof value));
  return (
    <p class="facts small">
      <time dateTime={answer.answeredAt}>{format.instant(answer.answeredAt)}</time>
      <span>{answer.survey}</span>
      {context.map(([key, value]) => <span key={key} class="fact">{format.key(key)}: {format.value(key, String(value))}</span>)}
    </p>
  );
}
