import type { Queryable } from '../db/database';
import { createApiTokens } from './api-tokens';
import { createSessions } from './sessions';
import { createUsers } from './users';

/** The account stores on one database: people, their sessions, their API tokens. */
export function createAccounts(db: Queryable, now: () => Date = () => new Date()) {
  return { users: createUsers(db), sessions: createSessions(db, now), apiTokens: createApiTokens(db, now) };
}

export type Accounts = ReturnType<typeof createAccounts>;
