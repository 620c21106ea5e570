/** The locales the prompts ship with (tables in `i18n/languages/`; a unit test keeps both equal). */
export const supportedLocales: readonly string[] = ['en', 'th', 'zh', 'ja', 'ko', 'vi', 'id', 'es', 'fr', 'pt', 'ar'];
