// Type-only re-exports of the contract, so features import one place. Nothing here exists at run time.
export type {
  AttachmentContent,
  AttachmentRef,
  ImportOutcome,
  ImportProgress,
  InboxPage,
  InboxQuery,
  InboxRow,
  InboxSortField,
  KeyringEntry,
  RequestDetail,
  RequestRef,
  ReviewerIdentity,
  RevisionChange,
  Settings,
  StoreStatus,
} from "../../../shared/api/schemas.js";
export type { RequestDocument } from "../../../shared/formats/request.js";
export type { RefusalCode } from "../../../shared/formats/refusal-codes.js";
export type { MenuAction } from "../../../shared/api/bridge.js";

import type { RequestDocument } from "../../../shared/formats/request.js";
export type Instrument = RequestDocument["instrument"];
export type UrgencyLevel = RequestDocument["urgency"]["level"];
export type DataCategory = RequestDocument["dataCategories"][number];
export type TargetKind = RequestDocument["targets"][number]["kind"];
export type TargetRole = NonNullable<RequestDocument["targets"][number]["role"]>;
export type AuthorityKind = RequestDocument["issuingAuthority"]["kind"];
