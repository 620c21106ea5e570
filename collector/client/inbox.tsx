// The inbox page: every unhappy answer is a case. Figures for closing the loop (share closed,
// median time to close, open and overdue), the cases of one state and one person (the signed-in
// person's first), and the buttons that move them along.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Case, CaseFigures } from '../src/inbox/case-store';
import { getJson } from './dashboard/api';
import type { Team } from './dashboard/assignee-picker';
import { CaseCard } from './dashboard/case-card';
import { FilterBar, type FilterChoices } from './dashboard/filter-bar';
import { createFiltersModel, type FiltersModel } from './dashboard/filters-model';
import type { Format } from './dashboard/format';
import { t, type Lang } from './dashboard/messages';
import { markReady, pageContext } from './dashboard/page-context';
import { StatusLine } from './dashboard/status-line';
import { useLoader } from './dashboard/use-loader';

type CasesPage = { items: Case[]; nextCursor?: string };
type Changed = (updated: Case, done: string) => void;
const states = ['open', 'contacted', 'resolved', ''] as const;

function duration(lang: Lang, hours: number) {
  const days = Math.floor(hours / 24);
  const rest = Math.round(hours - days * 24);
  return days ? `${days} ${t(lang, 'days')} ${rest} ${t(lang, 'hours')}` : `${Math.round(hours)} ${t(lang, 'hours')}`;
}

function Figures({ lang, format, figures }: { lang: Lang; format: Format; figures: CaseFigures }) {
  return (
    <section class="figures" aria-label={t(lang, 'inbox')}>
      <p class="figure"><strong data-testid="closed-share">{figures.closedShare === null ? '–' : `${format.whole(figures.closedShare)}%`}</strong> {t(lang, 'closedShare')} <span class="muted">({format.whole(figures.resolved)} / {format.whole(figures.total)})</span></p>
      <p class="figure"><strong data-testid="median-close">{figures.medianHoursToClose === null ? '–' : duration(lang, figures.medianHoursToClose)}</strong> {t(lang, 'medianToClose')}</p>
      <p class="figure"><strong data-testid="open-count">{format.whole(figures.open)}</strong> {t(lang, 'openCases')}{figures.overdue > 0 && <span class="overdue-count" data-testid="overdue-count"> · {format.whole(figures.overdue)} {t(lang, 'overdueCases')}</span>}</p>
    </section>
  );
}

/**
 * An alert links to `/inbox?case=<answer id>`: that case is shown first, whatever its state and the
 * filters, so the owner lands on the customer the alert was about.
 */
function LinkedCase({ lang, format, id, latest, team, onChanged }: { lang: Lang; format: Format; id: string; latest?: Case; team?: Team; onChanged: Changed }) {
  const linked = useLoader<Case>(`/api/cases/${encodeURIComponent(id)}`);
  if (linked.loading && !linked.data) return null;
  const item = latest ?? linked.data;
  return (
    <section class="linked-case" aria-labelledby="linked-case-title">
      <h2 id="linked-case-title">{t(lang, 'linkedCase')}</h2>
      {item ? (
        <ul class="case-list">
          <CaseCard key={item.id} lang={lang} format={format} item={item} team={team} onChanged={onChanged} />
        </ul>
      ) : (
        <p class="card muted">{t(lang, 'linkedCaseGone')}</p>
      )}
    </section>
  );
}

function Inbox({ lang, format, filters }: { lang: Lang; format: Format; filters: FiltersModel }) {
  const linkedId = new URLSearchParams(location.search).get('case');
  const [state, setState] = useState<(typeof states)[number]>((new URLSearchParams(location.search).get('state') as (typeof states)[number]) ?? 'open');
  const [assignee, setAssignee] = useState(new URLSearchParams(location.search).get('assignee') ?? '');
  const query = filters.query.value;
  const figures = useLoader<CaseFigures>(`/api/cases/figures?${query}`);
  const choices = useLoader<FilterChoices>(`/api/filters?${query}`);
  const team = useLoader<Team>('/api/cases/assignees');
  const listQuery = `${query}${state ? `&state=${state}` : ''}${assignee ? `&assignee=${encodeURIComponent(assignee)}` : ''}`;
  const first = useLoader<CasesPage>(`/api/cases?${listQuery}`);
  const [more, setMore] = useState<CasesPage[]>([]);
  // Cases changed on this page since the list loaded: they stay where they are, with their new
  // state, until the list loads again (another state, filter or page), so focus has a place to stay.
  const [changedCases, setChangedCases] = useState<Record<string, Case>>({});
  const [done, setDone] = useState('');
  useEffect(() => {
    setMore([]);
    setChangedCases({});
    setDone('');
  }, [query, state, assignee, first.data]);
  const pages = first.data ? [first.data, ...more] : [];
  // The case an alert linked to is drawn once, at the top (ids in the page stay unique).
  const items = pages.flatMap((page) => page.items).filter((item) => item.id !== linkedId).map((item) => changedCases[item.id] ?? item);
  const next = pages.at(-1)?.nextCursor;
  const changed: Changed = (updated, message) => {
    setChangedCases((cases) => ({ ...cases, [updated.id]: updated }));
    figures.reload();
    // Emptied first, so the same sentence twice is announced twice.
    setDone('');
    requestAnimationFrame(() => setDone(message));
  };
  useEffect(() => markReady(!!first.data && !first.loading && !!figures.data && !figures.loading && !team.loading));
  return (
    <>
      <div class="view-head">
        <h1>{t(lang, 'inbox')}</h1>
        <p class="muted">{t(lang, 'inboxIntro')}</p>
      </div>
      {figures.data && <Figures lang={lang} format={format} figures={figures.data} />}
      {linkedId && <LinkedCase lang={lang} format={format} id={linkedId} latest={changedCases[linkedId]} team={team.data} onChanged={changed} />}
      <details class="inbox-filters">
        <summary>{t(lang, 'filters')}</summary>
        <FilterBar lang={lang} format={format} filters={filters} choices={choices.data} id="inbox" />
      </details>
      <div class="case-choices">
        <div class="segmented states" role="group" aria-label={t(lang, 'show')}>
          {states.map((s) => (
            <button type="button" key={s || 'all'} aria-pressed={state === s} onClick={() => setState(s)}>
              {s ? t(lang, `state_${s}`) : t(lang, 'allStates')}
            </button>
          ))}
        </div>
        <p class="whose">
          <label for="inbox-whose">{t(lang, 'whose')}</label>
          <select id="inbox-whose" value={assignee} onChange={(event) => setAssignee((event.target as HTMLSelectElement).value)}>
            <option value="">{t(lang, 'everyone')}</option>
            <option value="me">{t(lang, 'mine')}</option>
            <option value="nobody">{t(lang, 'nobodys')}</option>
            {team.data?.assignees.filter((account) => account.id !== team.data!.me).map((account) => <option key={account.id} value={account.id}>{account.email}</option>)}
          </select>
        </p>
      </div>
      <StatusLine lang={lang} loading={first.loading} error={first.error} done={done} />
      {first.data && !items.length && <p class="card muted">{t(lang, 'noCases')}</p>}
      <ul class="case-list">
        {items.map((item) => <CaseCard key={item.id} lang={lang} format={format} item={item} team={team.data} onChanged={changed} />)}
      </ul>
      {next && (
        <button type="button" class="secondary-button" onClick={async () => setMore([...more, await getJson<CasesPage>(`/api/cases?${listQuery}&cursor=${encodeURIComponent(next)}`)])}>
          {t(lang, 'loadMore')}
        </button>
      )}
    </>
  );
}

const { root, lang, format } = pageContext();
render(<Inbox lang={lang} format={format} filters={createFiltersModel('all')} />, root);
