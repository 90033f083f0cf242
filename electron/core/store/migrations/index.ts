import { migration001Initial } from "./001-initial.js";
import { migration002Inbox } from "./002-inbox.js";
import { migration004Review } from "./004-review.js";
import type { Migration } from "./migration.js";

/** Every migration, in order; versions run 1, 2, 3… with no gaps. */
export const MIGRATIONS: readonly Migration[] = [migration001Initial, migration002Inbox, migration004Review];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
