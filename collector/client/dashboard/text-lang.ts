import type { Lang } from './messages';

/**
 * The language of a short text the customers wrote or chose (a reason chip, a theme word), as far
 * as the two interface languages go: Thai script is Thai, anything else English. It goes into the
 * text's `lang`, so a screen reader reads Thai chips on the English dashboard with a Thai voice.
 */
export const textLang = (text: string): Lang => (/[\u0E00-\u0E7F]/.test(text) ? 'th' : 'en');
