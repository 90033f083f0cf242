import { migration001Initial } from "./001-initial.js";
import { migration002Inbox } from "./002-inbox.js";
import { migration003Review } from "./003-review.js";
import { migration004Grievances } from "./004-grievances.js";
import { migration005Evidence } from "./005-evidence.js";
import { migration006Decisions } from "./006-decisions.js";
import { migration007Countersign } from "./007-countersign.js";
import { migration008ExecutionsStatistics } from "./008-executions-statistics.js";
import { migration009Auditor } from "./009-auditor.js";
import { migration010AuditByObject } from "./010-audit-by-object.js";
import type { Migration } from "./migration.js";

/** Every migration, in order; versions run 1, 2, 3… with no gaps. */
export const MIGRATIONS: readonly Migration[] = [
  migration001Initial,
  migration002Inbox,
  migration003Review,
  migration004Grievances,
  migration005Evidence,
  migration006Decisions,
  migration007Countersign,
  migration008ExecutionsStatistics,
  migration009Auditor,
  migration010AuditByObject,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
