import type { Migration } from 'kysely';
import * as m0001 from './0001-init.ts';
import * as m0002 from './0002-rotations.ts';
import * as m0003 from './0003-feeds.ts';
import * as m0004 from './0004-outbox.ts';
import * as m0005 from './0005-quarantines.ts';
import * as m0006 from './0006-capacity.ts';
import * as m0007 from './0007-policy.ts';
import * as m0008 from './0008-outbox-lease.ts';
import * as m0009 from './0009-membership-closed-on.ts';
import * as m0010 from './0010-member-kana.ts';
import * as m0011 from './0011-roster-version.ts';
import * as m0012 from './0012-people-sessions.ts';
import * as m0013 from './0013-overrides.ts';
import * as m0014 from './0014-chat.ts';
import * as m0015 from './0015-sso.ts';
import * as m0016 from './0016-org-webhooks.ts';

/** Every migration, by name, in order: a static map so Workers (no fs) run the same set. */
export const migrations: Record<string, Migration> = {
  '0001-init': m0001,
  '0002-rotations': m0002,
  '0003-feeds': m0003,
  '0004-outbox': m0004,
  '0005-quarantines': m0005,
  '0006-capacity': m0006,
  '0007-policy': m0007,
  '0008-outbox-lease': m0008,
  '0009-membership-closed-on': m0009,
  '0010-member-kana': m0010,
  '0011-roster-version': m0011,
  '0012-people-sessions': m0012,
  '0013-overrides': m0013,
  '0014-chat': m0014,
  '0015-sso': m0015,
  '0016-org-webhooks': m0016,
};
