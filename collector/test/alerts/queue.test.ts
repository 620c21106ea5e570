import { describeChannels } from './channels.suite';
import { describeLineOnce } from './line-once.suite';
import { describeSchedule } from './schedule.suite';
import { pgliteKind } from './test-database';

// The delivery queue end to end on PGlite (a data folder per suite, reopened for "restarts").
describeLineOnce(pgliteKind);
describeChannels(pgliteKind);
describeSchedule(pgliteKind);
