import { channelKindSpec, type ChannelKind } from './channel-kinds';

/** A secret as the settings page may show it: its last 4 characters, and only when those give little away. */
export function maskSecret(secret: string): string {
  if (!secret) return '';
  return secret.length >= 16 ? `•••• ${secret.slice(-4)}` : '••••';
}

/**
 * A setting as the alerts page and `GET /api/alerts` show it to everyone signed in: secrets
 * masked; a receiver URL without the user name, password or query it may carry
 * (`https://user:pw@hooks.example/x?key=…` → `https://hooks.example/x?…`). The owner's edit form is
 * the only place a non-secret setting shows in full.
 */
export function shownSetting(kind: ChannelKind, field: string, value: string): string {
  const spec = channelKindSpec(kind).fields.find((setting) => setting.name === field);
  if (spec?.secret) return maskSecret(value);
  if (spec?.destination === 'url') {
    try {
      const url = new URL(value);
      return `${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`;
    } catch {
      return '••••';
    }
  }
  return value;
}
