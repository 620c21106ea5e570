import { describe } from 'vitest';
import { describeChannels } from './channels.suite';
import { describeClaimRace } from './claim-race.suite';
import { describeLineOnce } from './line-once.suite';
import { describeSchedule } from './schedule.suite';
import { postgresKind } from './test-database';

// The same suites on a real PostgreSQL server (DATABASE_URL; demo/scripts/with-postgres.sh starts a
// throw-away one), each in a schema of its own that it drops; plus collectors claiming side by side.
if (process.env.DATABASE_URL) {
  describeLineOnce(postgresKind);
  describeChannels(postgresKind);
  describeSchedule(postgresKind);
  describeClaimRace(postgresKind);
} else {
  describe.skip('alert queue on PostgreSQL (set DATABASE_URL)', () => {});
}
