import { describe, expect, it } from 'vitest';
import { supportedLocales } from '../../../src/i18n/locales';
import { readdirSync } from 'node:fs';
import { builtInLocales, messagesFor } from '../../../src/i18n/messages';
import { languageImports } from '../../../src/i18n/language-imports';

/** Every table: the built-in ones, and each language file's, as the prompt gets them. */
async function allTables() {
  const extra: Record<string, string> = {};
  for (const [tag, load] of Object.entries(languageImports)) extra[tag] = (await load()).table;
  return extra;
}
import { resolveLocale } from '../../../src/i18n/resolve-locale';

describe('message tables', () => {
  it('every supported locale has a complete table and nothing else ships', async () => {
    const extra = await allTables();
    expect([...supportedLocales].sort()).toEqual([...builtInLocales(), ...Object.keys(extra)].sort());
    expect(builtInLocales()).toEqual(['en']);
    const files = readdirSync(new URL('../../../src/i18n/languages/', import.meta.url)).map((file) => file.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(Object.keys(languageImports).sort());
    const english = messagesFor('en');
    for (const locale of supportedLocales) {
      const messages = messagesFor(locale, extra);
      for (const [key, text] of Object.entries(english)) {
        expect(messages[key as keyof typeof messages], `${locale}.${key}`).toBeTruthy();
        if (text.includes('{n}')) expect(messages[key as keyof typeof messages], `${locale}.${key}`).toContain('{n}');
      }
      if (locale !== 'en') expect(messages.nps, locale).not.toBe(english.nps);
    }
  });

  it('ships the contract wording in English and Thai', async () => {
    expect(messagesFor('en').csat).toBe('How would you rate your overall satisfaction with what you received?');
    const th = messagesFor('th', await allTables());
    expect(th.nps).toBe('ในระดับ 0 ถึง 10 คุณมีโอกาสแนะนำเราให้เพื่อนหรือเพื่อนร่วมงานมากน้อยแค่ไหน');
    expect(th.csat).toBe('คุณจะให้คะแนนความพึงพอใจโดยรวมกับสิ่งที่คุณได้รับอย่างไร');
    expect(th.ces).toBe('วันนี้การติดต่อกับเราง่ายแค่ไหน');
  });

  it('Thai uses composed characters (NFC, and sara am as one code point, never nikhahit + sara aa)', async () => {
    const all = Object.values(messagesFor('th', await allTables())).join('');
    expect(all).toBe(all.normalize('NFC'));
    expect(all).not.toContain('\u0e4d\u0e32');
    expect(all).toContain('\u0e33');
  });

  it('a language outside the prompt needs its table: without it the prompt speaks English', async () => {
    const { table } = await languageImports.ja();
    expect(messagesFor('ja', { ja: table }).send).toBe('送信');
    expect(messagesFor('ja').send).toBe('Send');
  });

  it('falls back by language, then to English', async () => {
    expect(messagesFor('pt-BR', await allTables()).send).toBe('Enviar');
    expect(messagesFor('TH', await allTables()).send).toBe('ส่ง');
    expect(messagesFor('th').send, 'Thai without its table').toBe('Send');
    expect(messagesFor('sw').send).toBe('Send');
  });
});

describe('resolveLocale', () => {
  const page = (htmlLang?: string, languages: string[] = []) => ({ htmlLang, languages });
  it('an explicit locale wins over the page', () => {
    expect(resolveLocale('th', supportedLocales, page('en', ['ja']))).toBe('th');
  });
  it('auto: <html lang>, then navigator.languages, then English', () => {
    expect(resolveLocale('auto', supportedLocales, page('th-TH', ['en-US']))).toBe('th');
    expect(resolveLocale('auto', supportedLocales, page('', ['sw', 'vi-VN', 'en']))).toBe('vi');
    expect(resolveLocale('auto', supportedLocales, page('sw', ['xx']))).toBe('en');
    expect(resolveLocale('auto', supportedLocales, page('zh_CN'))).toBe('zh');
  });
  it('an unsupported explicit locale falls back to English', () => {
    expect(resolveLocale('tlh', supportedLocales, page('th'))).toBe('en');
  });
});
