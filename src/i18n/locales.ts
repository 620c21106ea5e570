/** The locales the prompts ship with (messages in `i18n/messages`). */
export const supportedLocales: readonly string[] = ['en', 'th'];
