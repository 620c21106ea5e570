import type { Localized } from './lang';
import type { Role } from '../app-env';

export interface NavEntry {
  href: string;
  label: Localized;
  /** Position in the menu; the core uses Inbox 10, Dashboard 20, Links 30, Alerts 40, Settings 90. */
  order: number;
  /** Shown only to owners (staff cannot open the page). */
  ownerOnly?: boolean;
  /**
   * A number shown beside the entry when above 0 (the inbox's new cases), read on each page, with
   * the words a screen reader says after it ("new cases").
   */
  count?: { read: () => Promise<number>; label: Localized };
}

/** The signed-in shell's menu: each feature adds its own entry when it mounts. */
export interface Nav {
  add(entry: NavEntry): void;
  entriesFor(role: Role): NavEntry[];
}

export function createNav(): Nav {
  const entries: NavEntry[] = [];
  return {
    add(entry) {
      if (entries.some((e) => e.href === entry.href)) throw new Error(`two nav entries point at ${entry.href}`);
      entries.push(entry);
    },
    entriesFor: (role) => entries.filter((e) => role === 'owner' || !e.ownerOnly).sort((a, b) => a.order - b.order),
  };
}
