// The store's public surface. Everything SQL stays behind it.
export { createStore, openStore, STORE_FILE_NAME, storeFile, storeFiles, storePermissionWarnings } from "./open-store.js";
export { describeKdf, type KdfParameters, LEGACY_KDF, RECOMMENDED_KDF } from "./kdf.js";
export { KDF_RECORD_FILE_NAME, KdfRecordError, kdfRecordFile, readKdfRecord } from "./kdf-record.js";
// The class is a type here: a Store comes from createStore/openStore, already keyed and migrated.
export type { Store, StoreDiagnostics } from "./store.js";
export * from "./errors.js";
export { type Actor, SYSTEM_ACTOR } from "./repositories/actor.js";
export { AUDIT_PAGE_LIMIT, type AuditChainCheck, type AuditEntry, type AuditEntryInput, type AuditLog } from "./repositories/audit.js";
export type { AgeIdentity, AgeIdentityInput, AgeIdentityRepository } from "./repositories/age-identities.js";
export { EVIDENCE_FILE_MIN_BYTES, type EvidenceRepository, type OpenedEvidence } from "./repositories/evidence.js";
export type { EvidenceWriter, PendingEvidence, SealedFacts } from "./evidence-writer.js";
export { EVIDENCE_DIR_NAME, evidenceDir } from "./evidence-files.js";
export type { AuthorityKey, AuthorityKeyInput, KeyringRepository } from "./repositories/keyring.js";
export type {
  AttachmentInput,
  RequestRepository,
  RequestRevisionInput,
  RequestSummary,
  StoredAttachment,
  StoredRequest,
} from "./repositories/requests.js";
export type { Reviewer, ReviewerInput, ReviewerRepository } from "./repositories/reviewer.js";
export {
  GrievanceAnsweredError,
  GrievanceIdTakenError,
  type GrievanceInput,
  type GrievanceRepository,
  type GrievanceResponseInput,
  type StoredGrievance,
  type StoredGrievanceResponse,
} from "./repositories/grievances.js";
export {
  DecisionExistsError,
  type DecisionInput,
  type DecisionRepository,
  DecisionSupersededError,
  type StoredDecision,
} from "./repositories/decisions.js";
export {
  CountersignAnsweredError,
  type CountersignAnswer,
  type CountersignatureInput,
  type CountersignRepository,
  type CountersignRequestInput,
  type StoredCountersignature,
  type StoredCountersignRequest,
} from "./repositories/countersign.js";
export type {
  AnswerInput,
  AnswerRecord,
  CarriedOverRecord,
  FindingDecisionRecord,
  IndependenceRecord,
  RelatedRow,
  ReviewRecord,
  ReviewRepository,
  ReviewStartInput,
} from "./repositories/review.js";
export type { ClockedRequest } from "./repositories/review-reads.js";
export { identifierKeysOf, type NextDue } from "./request-index.js";
export type { PopulationRepository, PopulationRow } from "./repositories/population.js";
export {
  type AwaitingExecution,
  type ExecutionInput,
  ExecutionExistsError,
  type ExecutionRepository,
  type StoredExecution,
} from "./repositories/executions.js";
export type { ReportPeriod, StatisticsRepository } from "./repositories/statistics.js";
export type {
  AuditPackInput,
  AuditPackRepository,
  FindingInput,
  PackCaseInput,
  PackDecisionInput,
  StoredAuditPack,
  StoredFinding,
  StoredPackCase,
  StoredPackDecision,
} from "./repositories/audit-packs.js";
export type { InboxEntry, InboxFilter, InboxQueryInput, InboxSortField } from "./repositories/inbox.js";
export { openKeyedConnection } from "./connection.js";
export { AUDIT_HASH_VERSION, auditRowHash, GENESIS_HASH, type AuditHashFields } from "./audit-chain.js";
export { LATEST_SCHEMA_VERSION } from "./migrations/index.js";
