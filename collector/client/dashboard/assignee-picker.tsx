import type { Assignee } from '../../src/inbox/case-store';
import { t, type Lang } from './messages';

/** The accounts a case can be given to, and which one is the signed-in person (`GET /api/cases/assignees`). */
export interface Team {
  me: string;
  assignees: (Assignee & { role: 'owner' | 'staff' })[];
}

/** "somchai@shop.example (you)": an account as a list names it. */
export const accountName = (lang: Lang, team: Team, account: Assignee) => (account.id === team.me ? `${account.email} (${t(lang, 'you')})` : account.email);

/**
 * Who has the case: a labelled select of the team (and "Nobody yet"); choosing saves at once
 * through `onAssign`.
 */
export function AssigneePicker({ lang, team, caseId, value, busy, onAssign }: { lang: Lang; team: Team; caseId: string; value?: Assignee; busy: boolean; onAssign: (id: string) => void }) {
  const id = `assignee-${caseId}`;
  return (
    <p class="assignee">
      <label for={id}>{t(lang, 'assignee')}</label>
      <select id={id} value={value?.id ?? ''} disabled={busy} onChange={(event) => onAssign((event.target as HTMLSelectElement).value)}>
        <option value="">{t(lang, 'nobody')}</option>
        {team.assignees.map((account) => <option key={account.id} value={account.id}>{accountName(lang, team, account)}</option>)}
      </select>
    </p>
  );
}
