import { html } from 'hono/html';
import type { Lang, Role } from '../app-env';
import { passwordText as t } from '../auth/password-text';

/** Settings' first card: change your password; for the owner, download a backup. */
export const accountSection = (lang: Lang, role: Role) => html`
<section class="card" aria-labelledby="account">
  <h2 id="account">${t.settingsAccount[lang]}</h2>
  <p><a href="/account/password">${t.changeTitle[lang]}</a></p>
  ${role === 'owner' ? html`<h3>${t.settingsBackup[lang]}</h3>
  <p class="muted">${t.settingsBackupLead[lang]}</p>
  <p><a href="/settings/backup" download>${t.settingsBackupLink[lang]}</a></p>` : ''}
</section>`;
