/**
 * The languages that are files of their own (`languages/<tag>.ts`), each behind a dynamic `import()`
 * so that a bundler splits it off and a visitor downloads only the one a prompt is shown in. Every
 * language is listed, English too: the prompt's code carries no wording. A unit test keeps this list
 * equal to the folder and to `locales.ts`.
 */
export const languageImports: Record<string, () => Promise<{ table: string }>> = {
  en: () => import('./languages/en'),
  th: () => import('./languages/th'),
  zh: () => import('./languages/zh'),
  ja: () => import('./languages/ja'),
  ko: () => import('./languages/ko'),
  vi: () => import('./languages/vi'),
  id: () => import('./languages/id'),
  es: () => import('./languages/es'),
  fr: () => import('./languages/fr'),
  pt: () => import('./languages/pt'),
  ar: () => import('./languages/ar'),
};
