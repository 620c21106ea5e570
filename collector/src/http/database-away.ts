import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { DATABASE_RETRY_AFTER_SECONDS } from '../db/database-unavailable';
import type { Localized } from '../shell/lang';
import { problem } from './problem';

const text: Localized = {
  en: 'The database is unavailable for a moment; try again in a few seconds.',
  th: 'ฐานข้อมูลไม่พร้อมใช้งานชั่วคราว กรุณาลองใหม่ในอีกไม่กี่วินาที',
};

/** 503 with `Retry-After`, in the reader's language: what any route answers while the database is away. */
export const databaseAway = (c: Context<AppEnv>) =>
  problem(c, 503, text[c.var.lang ?? 'en'], { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) });
