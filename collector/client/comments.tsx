// The comments page: every comment in the filters, searchable, newest first, a page at a time
// (GET /api/comments with a cursor).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CommentsPage } from '../src/dashboard/comments-query';
import { getJson } from './dashboard/api';
import { AnswerFacts, ScoreBadge } from './dashboard/answer-facts';
import { FilterBar, type FilterChoices } from './dashboard/filter-bar';
import { createFiltersModel, type FiltersModel } from './dashboard/filters-model';
import type { Format } from './dashboard/format';
import { t, type Lang } from './dashboard/messages';
import { markReady, pageContext } from './dashboard/page-context';
import { StatusLine } from './dashboard/status-line';
import { useLoader } from './dashboard/use-loader';

const bandNames = ['detractor', 'passive', 'promoter'] as const;

function Comments({ lang, format, filters }: { lang: Lang; format: Format; filters: FiltersModel }) {
  // A theme or reason chip on the dashboard opens this page with `search` or `reason`, and `band`.
  const opened = new URLSearchParams(location.search);
  const [search, setSearch] = useState(opened.get('search') ?? '');
  const [typed, setTyped] = useState(search);
  const [band, setBand] = useState(bandNames.find((name) => name === opened.get('band')) ?? '');
  const [reason, setReason] = useState(opened.get('reason') ?? '');
  const query = `${filters.query.value}${search ? `&search=${encodeURIComponent(search)}` : ''}${band ? `&band=${band}` : ''}${reason ? `&reason=${encodeURIComponent(reason)}` : ''}`;
  const choices = useLoader<FilterChoices>(`/api/filters?${filters.query.value}`);
  const first = useLoader<CommentsPage>(`/api/comments?${query}`);
  const [more, setMore] = useState<CommentsPage[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  useEffect(() => setMore([]), [query]);
  const pages = first.data ? [first.data, ...more] : [];
  const items = pages.flatMap((page) => page.items);
  const next = pages.at(-1)?.nextCursor;

  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const page = await getJson<CommentsPage>(`/api/comments?${query}&cursor=${encodeURIComponent(next!)}`);
      setMore((previous) => [...previous, page]);
      setMoreError(undefined);
    } catch (error) {
      setMoreError((error as Error).message);
    } finally {
      setLoadingMore(false);
    }
  };

  useEffect(() => markReady(!!first.data && !first.loading));
  return (
    <>
      <div class="view-head"><h1>{t(lang, 'comments')}</h1></div>
      <FilterBar lang={lang} format={format} filters={filters} choices={choices.data} id="comments" />
      <form class="search-bar" role="search" onSubmit={(event) => { event.preventDefault(); setSearch(typed.trim()); }}>
        <div class="filter grow">
          <label for="comment-search">{t(lang, 'search')}</label>
          <input id="comment-search" type="search" value={typed} maxLength={200} onInput={(event) => setTyped((event.target as HTMLInputElement).value)} />
        </div>
        <div class="filter">
          <label for="comment-band">{t(lang, 'band')}</label>
          <select id="comment-band" value={band} onChange={(event) => setBand((event.target as HTMLSelectElement).value)}>
            <option value="">{t(lang, 'allBands')}</option>
            {bandNames.map((b) => <option key={b} value={b}>{t(lang, b)}</option>)}
          </select>
        </div>
        <button type="submit">{t(lang, 'searchButton')}</button>
      </form>
      {reason && (
        <p class="active-reason">
          {t(lang, 'reasonChosen')}: <strong>{reason}</strong>{' '}
          <button type="button" class="secondary-button" onClick={() => setReason('')}>{t(lang, 'clearReason')}</button>
        </p>
      )}
      <StatusLine lang={lang} loading={first.loading} error={first.error} />
      {first.data && (
        <p class="muted" data-testid="comment-count">
          {first.data.totalIsAtLeast ? `${t(lang, 'moreThan')} ` : ''}{format.whole(first.data.total ?? items.length)} {t(lang, 'commentsFound')}
        </p>
      )}
      {first.data && !items.length && <p class="card muted">{t(lang, 'noComments')}</p>}
      <ul class="comment-list">
        {items.map((answer) => (
          <li key={answer.id} class={`card comment ${answer.band}`}>
            <ScoreBadge lang={lang} answer={answer} />
            <p class="comment-text" lang={answer.locale}>{answer.comment}</p>
            <AnswerFacts format={format} answer={answer} />
          </li>
        ))}
      </ul>
      {moreError && <p class="error" role="alert">{t(lang, 'failed')} {moreError}</p>}
      {next && <button type="button" class="secondary-button" disabled={loadingMore} onClick={loadMore}>{loadingMore ? t(lang, 'loading') : t(lang, 'loadMore')}</button>}
    </>
  );
}

const { root, lang, format } = pageContext();
render(<Comments lang={lang} format={format} filters={createFiltersModel('30d')} />, root);
