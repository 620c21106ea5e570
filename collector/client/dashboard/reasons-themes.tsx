import type { DashboardSummary } from '../../src/dashboard/dashboard-summary';
import type { Themes } from '../../src/stats/themes';
import type { Format } from './format';
import { t, type Lang } from './messages';
import { textLang } from './text-lang';

const bands = ['detractor', 'passive', 'promoter'] as const;

/** The comments page for the dashboard's filters, narrowed to one band and a reason or a phrase. */
const commentsHref = (filtersQuery: string, band: string, narrow: { reason: string } | { search: string }) => {
  const params = new URLSearchParams(filtersQuery);
  params.set('band', band);
  for (const [name, value] of Object.entries(narrow)) params.set(name, value);
  return `/comments?${params}`;
};

/** A chip that opens the comments behind it; its name says so ("ส่งช้า, 12 — see the comments"). */
function ChipLink({ lang, format, text, count, band, href }: { lang: Lang; format: Format; text: string; count: number; band: string; href: string }) {
  return (
    <li class={`chip ${band}`}>
      <a href={href} aria-label={`${text}, ${format.whole(count)} — ${t(lang, 'openComments')}`}>
        <span lang={textLang(text)}>{text}</span> <span class="count">{format.whole(count)}</span>
      </a>
    </li>
  );
}

/** The reason chips visitors chose, counted per band (unhappy, neutral, happy). */
export function Reasons({ lang, format, reasons, filtersQuery }: { lang: Lang; format: Format; reasons: DashboardSummary['reasons']; filtersQuery: string }) {
  return (
    <article class="card reasons" aria-labelledby="reasons-title">
      <h2 id="reasons-title">{t(lang, 'reasons')}</h2>
      {!reasons.length ? <p class="muted">{t(lang, 'noReasons')}</p> : bands.map((band) => {
        const chips = reasons.filter((r) => r.band === band);
        return chips.length ? (
          <div key={band} class="chip-group">
            <h3 class={`band-title ${band}`}>{t(lang, band)}</h3>
            <ul class="chips">
              {chips.map((chip) => (
                <ChipLink key={chip.reason} lang={lang} format={format} text={chip.reason} count={chip.count} band={band} href={commentsHref(filtersQuery, band, { reason: chip.reason })} />
              ))}
            </ul>
          </div>
        ) : null;
      })}
    </article>
  );
}

function ThemeList({ lang, format, themes, title, band, filtersQuery }: {
  lang: Lang; format: Format; themes: Themes; title: string; band: 'detractor' | 'promoter'; filtersQuery: string;
}) {
  const chip = (term: { text: string; count: number }) => (
    <ChipLink key={term.text} lang={lang} format={format} text={term.text} count={term.count} band={band} href={commentsHref(filtersQuery, band, { search: term.text })} />
  );
  const empty = !themes.words.length && !themes.phrases.length;
  return (
    <div class={`theme ${band}`}>
      <h3 class={`band-title ${band}`}>{title} <span class="muted small">({format.whole(themes.comments)} {t(lang, 'comments').toLowerCase()})</span></h3>
      {empty ? <p class="muted">{t(lang, 'noThemes')}</p> : (
        <>
          {themes.phrases.length > 0 && (
            <>
              <h4>{t(lang, 'phrases')}</h4>
              <ul class="chips">{themes.phrases.map(chip)}</ul>
            </>
          )}
          <h4>{t(lang, 'words')}</h4>
          <ul class="chips">{themes.words.map(chip)}</ul>
        </>
      )}
    </div>
  );
}

/** The most frequent words and short phrases among unhappy and among happy customers' comments. */
export function Themes({ lang, format, themes, filtersQuery }: { lang: Lang; format: Format; themes: Record<'detractor' | 'promoter', Themes>; filtersQuery: string }) {
  return (
    <article class="card themes" aria-labelledby="themes-title">
      <h2 id="themes-title">{t(lang, 'themes')}</h2>
      <div class="theme-columns">
        <ThemeList lang={lang} format={format} themes={themes.detractor} title={t(lang, 'unhappySay')} band="detractor" filtersQuery={filtersQuery} />
        <ThemeList lang={lang} format={format} themes={themes.promoter} title={t(lang, 'happySay')} band="promoter" filtersQuery={filtersQuery} />
      </div>
    </article>
  );
}
