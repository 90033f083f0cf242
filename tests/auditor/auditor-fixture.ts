// What the audit pack and auditor tests share: an office whose requests were imported, reviewed
// and decided for real (some refused, one superseded, one undecided), and a committee's auditor
// store (created with init's auditor mode) whose keyring holds the office reviewer's key.
import { join } from "node:path";
import { decide } from "../../electron/core/decisions/decide.js";
import { reviewerSigner } from "../../electron/core/decisions/reviewer-key.js";
import { describeIdentity } from "../../electron/core/identity/identity-service.js";
import { addAuthorityKey } from "../../electron/core/keyring/keyring-service.js";
import { exportAuditPack, type PackExport, type PackRequest } from "../../electron/core/sampling/audit-pack.js";
import { initializeStore } from "../../electron/core/session/create-store.js";
import type { Session } from "../../electron/core/session/session.js";
import type { ReviewRef } from "../../shared/api/review.js";
import { REASONS, reviewedRequest } from "../decisions/decide-office.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { testRuntime, type TestRuntime } from "../helpers/runtime.js";
import { tempFolder } from "../helpers/temp.js";
import { openReviewOffice, type ReviewOffice } from "../review/review-office.js";

export const SEED = "9f2c4e1a7b3d5f60819a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";
const DAY = 86_400_000;

export interface DecidedOffice extends ReviewOffice {
  refs: ReviewRef[];
  /** The reference of the case never reviewed. */
  undecided: string;
}

export const referenceText = (ref: ReviewRef): string => `${ref.authority}/${ref.id}/${ref.revision}`;

/** Six requests: four authorised, one refused then superseded by a return, one never reviewed. */
export async function decidedOffice(): Promise<DecidedOffice> {
  const office = openReviewOffice();
  const refs: ReviewRef[] = [];
  for (let i = 0; i < 5; i += 1) {
    office.runtime.advance(DAY);
    const ref = await reviewedRequest(office, { request: { id: `AUD-2026-${String(i).padStart(3, "0")}` }, ...(i === 4 && { answers: { L1: "not-met" } }) });
    const decided = decide(office.session, { ...ref, outcome: i === 4 ? "refused" : "authorised", reasons: REASONS, decisionId: `D-2026-${String(i).padStart(3, "0")}` });
    if (i === 4) decide(office.session, { ...ref, outcome: "returned", reasons: REASONS, supersedes: decided.id, decisionId: "D-2026-004b" });
    refs.push(ref);
  }
  office.runtime.advance(DAY);
  const undecided = await office.importRequest({ id: "AUD-2026-UNREVIEWED" });
  return { ...office, refs, undecided: referenceText(undecided) };
}

export interface AuditorStore {
  dir: string;
  storeDir: string;
  session: Session;
  runtime: TestRuntime;
  recipient: string;
}

/** A committee's auditor store (its own seeded runtime, so its keys differ from the office's). */
export function openAuditorStore(): AuditorStore {
  const runtime = testRuntime(new Date("2026-12-20T09:00:00.000Z"), "auditor-tests");
  const dir = tempFolder();
  const storeDir = join(dir, "auditor-store");
  const session = initializeStore(storeDir, STORE_PASSPHRASE, { reviewerName: "C. Auditor", office: "Oversight Committee", auditor: true }, runtime);
  return { dir, storeDir, session, runtime, recipient: describeIdentity(session).ageRecipients[0] ?? "" };
}

/** The auditor's keyring gets the office reviewer's minisign key. */
export function trustOffice(auditor: AuditorStore, office: Session, authorityId = "office-dpa"): void {
  addAuthorityKey(auditor.session, { authorityId, name: "Office of the Commissioner", country: "NL", minisignPublicKey: reviewerSigner(office).publicKeyLine });
}

export function packRequest(office: DecidedOffice, recipient: string, overrides: Partial<PackRequest> = {}): PackRequest {
  return { seed: SEED, size: 3, filter: {}, purposive: [], plan: { confidence: 95, tolerable: 5, expected: 0 }, recipients: [recipient], outDir: office.dir, ...overrides };
}

export const makePack = (office: DecidedOffice, recipient: string, overrides: Partial<PackRequest> = {}): Promise<PackExport> => exportAuditPack(office.session, packRequest(office, recipient, overrides));
