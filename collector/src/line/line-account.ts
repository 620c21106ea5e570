import type { Config } from '../config';
import type { Queryable } from '../db/database';
import { isBound, type SecretBox } from '../alerts/secret-box';

/** Where a LINE secret comes from: the environment (locked in the app), the app's settings, or nowhere yet. */
export type SecretSource = 'env' | 'app' | 'none';

/** The shop's LINE Official Account as the app uses it. */
export interface LineAccount {
  channelSecret: string;
  channelToken: string;
  sources: { channelSecret: SecretSource; channelToken: SecretSource };
  /** A secret stored in the app that this collector cannot decrypt (another HEARBACK_SECRET_KEY). */
  unreadable: ('channelSecret' | 'channelToken')[];
  /** The bot's basic id (`@123abcde`) and name, as LINE said when the account was last checked. */
  basicId: string;
  botName: string;
  /** The chat words that start the survey, per language. */
  keywords: { th: string; en: string };
  /** Which survey the keyword and the QR code start ('' until the owner picks one). */
  surveyId: string;
}

/** What the owner may change on the LINE page. */
export interface LineSettings {
  channelSecret?: string;
  channelToken?: string;
  keywords: { th: string; en: string };
  surveyId: string;
}

interface AccountRow {
  channel_secret: string;
  channel_token: string;
  basic_id: string;
  bot_name: string;
  keyword_th: string;
  keyword_en: string;
  survey_id: string;
}

/** The additional data a sealed LINE secret is bound to: it opens only as this field of the LINE account. */
const place = (field: 'channelSecret' | 'channelToken') => ({ channelId: 'line-account', field });

const defaults: AccountRow = { channel_secret: '', channel_token: '', basic_id: '', bot_name: '', keyword_th: 'ให้คะแนน', keyword_en: 'rate us', survey_id: '' };

/**
 * The LINE account: the environment's `HEARBACK_LINE_CHANNEL_SECRET` / `_TOKEN` win over what the
 * owner saved in the app; saved secrets are sealed with the alert channels' secret box (AES-GCM
 * bound to the field), so a database dump alone does not give the bot away; values saved before
 * HEARBACK_SECRET_KEY was set are sealed the first time they are read with it.
 */
export function createLineAccountStore(db: Queryable, box: SecretBox, config: Pick<Config, 'lineChannelSecret' | 'lineChannelToken'>) {
  const row = async (q: Queryable = db): Promise<AccountRow> =>
    (await q.query<AccountRow & Record<string, unknown>>('SELECT channel_secret, channel_token, basic_id, bot_name, keyword_th, keyword_en, survey_id FROM line_account WHERE id = 1')).rows[0] ?? defaults;
  return {
    async read(q: Queryable = db): Promise<LineAccount> {
      const stored = await row(q);
      const unreadable: LineAccount['unreadable'] = [];
      const open = (field: 'channelSecret' | 'channelToken', value: string) => {
        try {
          return box.open(value, place(field));
        } catch {
          unreadable.push(field);
          return '';
        }
      };
      const secret = config.lineChannelSecret ?? open('channelSecret', stored.channel_secret);
      const token = config.lineChannelToken ?? open('channelToken', stored.channel_token);
      // Saved before HEARBACK_SECRET_KEY was set (or with an older box): sealed now, once.
      if (box.sealing && [stored.channel_secret, stored.channel_token].some((value) => value && !isBound(value)) && !unreadable.length) {
        await q.query('UPDATE line_account SET channel_secret = $1, channel_token = $2 WHERE id = 1', [
          box.seal(open('channelSecret', stored.channel_secret), place('channelSecret')), box.seal(open('channelToken', stored.channel_token), place('channelToken')),
        ]);
      }
      const source = (fromEnv: string | undefined, value: string): SecretSource => (fromEnv ? 'env' : value ? 'app' : 'none');
      return {
        channelSecret: secret,
        channelToken: token,
        sources: { channelSecret: source(config.lineChannelSecret, secret), channelToken: source(config.lineChannelToken, token) },
        unreadable,
        basicId: stored.basic_id,
        botName: stored.bot_name,
        keywords: { th: stored.keyword_th, en: stored.keyword_en },
        surveyId: stored.survey_id,
      };
    },
    /** Saves the settings; a secret left undefined keeps the stored one. */
    async save(settings: LineSettings): Promise<void> {
      const stored = await row();
      const secret = settings.channelSecret === undefined ? stored.channel_secret : box.seal(settings.channelSecret, place('channelSecret'));
      const token = settings.channelToken === undefined ? stored.channel_token : box.seal(settings.channelToken, place('channelToken'));
      await db.query(
        `INSERT INTO line_account (id, channel_secret, channel_token, keyword_th, keyword_en, survey_id, updated_at) VALUES (1, $1, $2, $3, $4, $5, now())
         ON CONFLICT (id) DO UPDATE SET channel_secret = EXCLUDED.channel_secret, channel_token = EXCLUDED.channel_token,
           keyword_th = EXCLUDED.keyword_th, keyword_en = EXCLUDED.keyword_en, survey_id = EXCLUDED.survey_id, updated_at = now()`,
        [secret, token, settings.keywords.th, settings.keywords.en, settings.surveyId],
      );
    },
    /** Remembers what LINE said about the bot (the check button). */
    async saveBot(bot: { basicId: string; botName: string }): Promise<void> {
      await db.query(
        `INSERT INTO line_account (id, basic_id, bot_name) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET basic_id = EXCLUDED.basic_id, bot_name = EXCLUDED.bot_name`,
        [bot.basicId, bot.botName],
      );
    },
  };
}

export type LineAccountStore = ReturnType<typeof createLineAccountStore>;
