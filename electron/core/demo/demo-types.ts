// The request document of sealed-bundle-v1 ("The request document"), typed for the demo data.
// Kept local to demo/ so the demo does not wait on shared/formats; the tests check it
// against the shared schema once that exists.

export type Instrument =
  | "mlat"
  | "executive-agreement"
  | "eu-production-order"
  | "eu-preservation-order"
  | "coe-subscriber-disclosure"
  | "coe-domain-registration"
  | "emergency-disclosure"
  | "domestic-warrant";

export type UrgencyLevel = "routine" | "expedited" | "emergency";
export type AuthorityKind = "court" | "judge" | "prosecutor" | "police" | "other";
export type TargetKind = "account" | "email" | "phone" | "ip-address" | "device-id" | "domain" | "payment-id" | "other";
export type TargetRole = "suspect" | "victim" | "witness" | "unknown";
export type DataCategory = "subscriber" | "identification" | "traffic" | "content" | "location" | "device-logs";

/** An RFC 3339 date-time with an explicit numeric offset, e.g. `2026-11-20T09:15:00+01:00`. */
export type DateTime = string;

export interface IssuingAuthority {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  kind: AuthorityKind;
  contact?: string;
}

export interface ValidatingAuthority {
  name: string;
  country: string;
  kind: AuthorityKind;
  validatedAt?: DateTime;
}

export interface Urgency {
  level: UrgencyLevel;
  reason?: string;
  respondBy?: DateTime;
}

export interface Offence {
  description: string;
  citation?: string;
  maxPenaltyMonths?: number;
  category?: string;
}

export interface Target {
  kind: TargetKind;
  value: string;
  role?: TargetRole;
}

export interface AttachmentRef {
  /** Relative to the bag's `data/`, always `attachments/<name>` here. */
  path: string;
  title: string;
  mediaType: string;
}

export interface RequestDocument {
  schema: "counterseal.request/1";
  id: string;
  revision: number;
  submittedAt: DateTime;
  instrument: Instrument;
  urgency: Urgency;
  issuingAuthority: IssuingAuthority;
  validatingAuthority?: ValidatingAuthority;
  caseReference?: string;
  provider: { name: string; country: string; service?: string };
  legalBasis: { citation: string; text?: string }[];
  offences: Offence[];
  targets: Target[];
  dataCategories: DataCategory[];
  period?: { from: DateTime; to: DateTime };
  facts: string;
  necessity: string;
  proportionality: string;
  lessIntrusiveMeans?: string;
  minimization?: string;
  retentionDays?: number;
  nonDisclosure?: { requested: boolean; reason?: string; until?: DateTime };
  relatedRequests?: string[];
  attachments: AttachmentRef[];
}

export interface DemoAttachment {
  /** File name; sealed as `data/attachments/<name>`. */
  name: string;
  title: string;
  mediaType: string;
  bytes: () => Promise<Uint8Array> | Uint8Array;
}

export interface DemoRequest {
  document: RequestDocument;
  attachments: DemoAttachment[];
}
