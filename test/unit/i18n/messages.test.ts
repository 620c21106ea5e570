import { describe, expect, it } from 'vitest';
import { supportedLocales } from '../../../src/i18n/locales';
import { readdirSync } from 'node:fs';
import { messagesFor } from '../../../src/i18n/messages';
import { languageImports } from '../../../src/i18n/language-imports';

/** Every language file's table, as the prompt gets them (tag → table). */
async function allTables() {
  const extra: Record<string, string> = {};
  for (const [tag, load] of Object.entries(languageImports)) extra[tag] = (await load()).table;
  return extra;
}
import { resolveLocale } from '../../../src/i18n/resolve-locale';

describe('message tables', () => {
  it('every supported locale has a complete table of its own and nothing else ships', async () => {
    const tables = await allTables();
    expect([...supportedLocales].sort()).toEqual(Object.keys(tables).sort());
    const files = readdirSync(new URL('../../../src/i18n/languages/', import.meta.url)).map((file) => file.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(Object.keys(languageImports).sort());
    const english = messagesFor('en', tables);
    for (const locale of supportedLocales) {
      const messages = messagesFor(locale, { [locale]: tables[locale] });
      for (const [key, text] of Object.entries(english)) {
        expect(messages[key as keyof typeof messages], `${locale}.${key}`).toBeTruthy();
        if (text.includes('{n}')) expect(messages[key as keyof typeof messages], `${locale}.${key}`).toContain('{n}');
      }
      expect(tables[locale].split('|'), locale).toHaveLength(Object.keys(english).length);
      if (locale !== 'en') expect(messages.nps, locale).not.toBe(english.nps);
    }
  });

  it('ships the contract wording in English and Thai', async () => {
    const tables = await allTables();
    expect(messagesFor('en', tables).csat).toBe('How would you rate your overall satisfaction with what you received?');
    const th = messagesFor('th', tables);
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

  it('a prompt speaks the language whose table it was given: without it, English; without either, none', async () => {
    const { en, ja, th } = await allTables();
    expect(messagesFor('ja', { ja }).send).toBe('送信');
    expect(messagesFor('ja', { en, th }).send).toBe('Send');
    expect(() => messagesFor('ja', { th }), 'never another language\'s words under this lang').toThrow(/no texts loaded for ja/);
    expect(() => messagesFor('ja', {})).toThrow(/no texts loaded for ja/);
  });

  it('falls back by language, then to English', async () => {
    const tables = await allTables();
    expect(messagesFor('pt-BR', tables).send).toBe('Enviar');
    expect(messagesFor('TH', tables).send).toBe('ส่ง');
    expect(messagesFor('sw', tables).send).toBe('Send');
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
