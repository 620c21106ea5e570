import { checkAppSetting, type AppSetting, type Config } from '../config';
import type { FieldProblem } from '../shell/field-problems';
import { isHexColour } from './shop-look';
import { logoTypes, type LogoType, type SettingsChange } from './site-settings-store';
import { siteText as t } from './site-text';

/** The largest logo the app keeps (it is served with every survey page). */
export const maxLogoBytes = 200 * 1024;

/** The form's text fields, as typed (shown again with the problems after a failed save). */
export type SiteFormValues = Record<'allowedOrigins' | 'shopName' | 'colour' | 'timezone' | 'publicUrl' | 'retentionDays' | 'inboxDueHours', string>;

export interface SiteFormInput {
  fields: Record<string, string>;
  /** The uploaded logo file, if one was chosen. */
  logo?: { type: string; bytes: Buffer };
}

const wholeIn = (raw: string, min: number, max: number): number | undefined => {
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min && value <= max ? value : undefined;
};

/**
 * Checks the site settings form: each field by the same rules as its environment variable, an
 * empty field meaning "not set in the app". Fields the environment locks are left out of the change.
 */
export function parseSiteForm({ fields, logo }: SiteFormInput, locked: Config['locked']): { change: SettingsChange } | { problems: FieldProblem[]; values: SiteFormValues } {
  const values: SiteFormValues = {
    allowedOrigins: fields.allowedOrigins ?? '', shopName: (fields.shopName ?? '').trim().normalize('NFC'), colour: (fields.colour ?? '').trim(),
    timezone: (fields.timezone ?? '').trim(), publicUrl: (fields.publicUrl ?? '').trim(), retentionDays: (fields.retentionDays ?? '').trim(),
    inboxDueHours: (fields.inboxDueHours ?? '').trim(),
  };
  const problems: FieldProblem[] = [];
  const change: SettingsChange = {};
  const wrong = (field: keyof typeof t & string, message: keyof typeof t) => problems.push({ field, label: t[field], message: t[message] });
  const appSetting = <K extends AppSetting>(key: K, raw: string, message: keyof typeof t) => {
    if (locked[key] || !(key in fields)) return;
    if (!raw) return void (change[key] = null as never);
    const checked = checkAppSetting(key, raw);
    if (checked.ok) change[key] = checked.value as never;
    else wrong(key, message);
  };
  appSetting('allowedOrigins', values.allowedOrigins.split(/[\n,]/).map((line) => line.trim()).filter(Boolean).join(','), 'allowedOriginsProblem');
  if ('allowedOrigins' in fields && !locked.allowedOrigins && change.allowedOrigins === null) change.allowedOrigins = [];
  if (change.allowedOrigins) change.allowedOrigins = [...new Set(change.allowedOrigins)];
  appSetting('timezone', values.timezone, 'timezoneProblem');
  appSetting('publicUrl', values.publicUrl, 'publicUrlProblem');
  appSetting('retentionDays', values.retentionDays, 'retentionDaysProblem');
  if ('shopName' in fields) {
    if ([...values.shopName].length > 80) wrong('shopName', 'shopNameProblem');
    else change.shopName = values.shopName;
  }
  if ('colour' in fields) {
    if (isHexColour(values.colour)) change.colour = values.colour.toLowerCase();
    else wrong('colour', 'colourProblem');
  }
  if ('inboxDueHours' in fields) {
    const hours = values.inboxDueHours ? wholeIn(values.inboxDueHours, 1, 8760) : null;
    if (hours === undefined) wrong('inboxDueHours', 'inboxDueHoursProblem');
    else change.inboxDueHours = hours;
  }
  if (logo && logo.bytes.length > 0) {
    if ((logoTypes as readonly string[]).includes(logo.type) && logo.bytes.length <= maxLogoBytes && looksLike(logo.type as LogoType, logo.bytes)) {
      change.logo = { type: logo.type as LogoType, bytes: logo.bytes };
    } else wrong('logo', 'logoProblem');
  } else if (fields.removeLogo === 'on' || fields.removeLogo === 'true') change.logo = null;
  return problems.length ? { problems, values } : { change };
}

/** The file's first bytes match its type (a renamed HTML file is no logo). */
function looksLike(type: LogoType, bytes: Buffer): boolean {
  if (type === 'image/png') return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (type === 'image/jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
}
