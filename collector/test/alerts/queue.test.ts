import { describeChannels } from './channels.suite';
import { describeClaimRace } from './claim-race.suite';
import { describeLineOnce } from './line-once.suite';
import { describeSchedule } from './schedule.suite';
import { databaseKind } from './test-database';

// The delivery queue end to end, on PGlite (a data folder per suite, reopened for "restarts") or,
// with DATABASE_URL (collector/scripts/with-postgres.sh), on PostgreSQL in a schema per suite.
describeLineOnce(databaseKind);
describeChannels(databaseKind);
describeSchedule(databaseKind);
describeClaimRace(databaseKind);
