import type { DashboardSummary } from '../../src/dashboard/dashboard-summary';
import type { Themes } from '../../src/stats/themes';
import type { Format } from './format';
import { t, type Lang } from './messages';
import { textLang } from './text-lang';

const bands = ['detractor', 'passive', 'promoter'] as const;

/** The reason chips visitors chose, counted per band (unhappy, neutral, happy). */
export function Reasons({ lang, format, reasons }: { lang: Lang; format: Format; reasons: DashboardSummary['reasons'] }) {
  return (
    <article class="card reasons" aria-labelledby="reasons-title">
      <h2 id="reasons-title">{t(lang, 'reasons')}</h2>
      {!reasons.length ? <p class="muted">{t(lang, 'noReasons')}</p> : bands.map((band) => {
        const chips = reasons.filter((r) => r.band === band);
        return chips.length ? (
          <div key={band} class="chip-group">
            <h3 class={`band-title ${band}`}>{t(lang, band)}</h3>
            <ul class="chips">
              {chips.map((chip) => <li key={chip.reason} class={`chip ${band}`}><span lang={textLang(chip.reason)}>{chip.reason}</span> <span class="count">{format.whole(chip.count)}</span></li>)}
            </ul>
          </div>
        ) : null;
      })}
    </article>
  );
}

function ThemeList({ lang, format, themes, title, band }: { lang: Lang; format: Format; themes: Themes; title: string; band: 'detractor' | 'promoter' }) {
  const empty = !themes.words.length && !themes.phrases.length;
  return (
    <div class={`theme ${band}`}>
      <h3 class={`band-title ${band}`}>{title} <span class="muted small">({format.whole(themes.comments)} {t(lang, 'comments').toLowerCase()})</span></h3>
      {empty ? <p class="muted">{t(lang, 'noThemes')}</p> : (
        <>
          {themes.phrases.length > 0 && (
            <>
              <h4>{t(lang, 'phrases')}</h4>
              <ul class="chips">{themes.phrases.map((p) => <li key={p.text} class={`chip ${band}`}><span lang={textLang(p.text)}>{p.text}</span> <span class="count">{format.whole(p.count)}</span></li>)}</ul>
            </>
          )}
          <h4>{t(lang, 'words')}</h4>
          <ul class="chips">{themes.words.map((w) => <li key={w.text} class={`chip ${band}`}><span lang={textLang(w.text)}>{w.text}</span> <span class="count">{format.whole(w.count)}</span></li>)}</ul>
        </>
      )}
    </div>
  );
}

/** The most frequent words and short phrases among unhappy and among happy customers' comments. */
export function Themes({ lang, format, themes }: { lang: Lang; format: Format; themes: DashboardSummary['themes'] }) {
  return (
    <article class="card themes" aria-labelledby="themes-title">
      <h2 id="themes-title">{t(lang, 'themes')}</h2>
      <div class="theme-columns">
        <ThemeList lang={lang} format={format} themes={themes.detractor} title={t(lang, 'unhappySay')} band="detractor" />
        <ThemeList lang={lang} format={format} themes={themes.promoter} title={t(lang, 'happySay')} band="promoter" />
      </div>
    </article>
  );
}
