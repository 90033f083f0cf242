// The shape of a checklist item and the names of the instruments its short citations refer to.
import type { ChecklistArea } from "../vocabulary/checklist-areas.js";
import type { DataCategory, Instrument } from "./request-vocabulary.js";

export interface ItemSource {
  /** As the domain notes cite it. */
  readonly citation: string;
  /** Which instrument or body a short citation refers to, where the citation alone leaves it open. */
  readonly note?: string;
}

/**
 * One way an item can apply; every field present must hold. An item applies when any of its
 * conditions holds, or always when it has none.
 */
export interface ApplicabilityCondition {
  readonly instruments?: readonly Instrument[];
  /** The request asks for at least one of these. */
  readonly anyDataCategory?: readonly DataCategory[];
  /** Urgency is emergency, or the instrument is emergency-disclosure. */
  readonly emergency?: true;
  /** The issuing authority is neither a court nor a judge, so a validation can be needed. */
  readonly issuerNotJudicial?: true;
  /** The request asks for non-disclosure. */
  readonly nonDisclosureRequested?: true;
  /** The period ends after the request was submitted, or no period is given: an ongoing measure. */
  readonly ongoing?: true;
}

export interface ChecklistItem {
  readonly id: string;
  readonly area: ChecklistArea;
  readonly question: string;
  /** What to look at, in one or two plain sentences. */
  readonly guidance: string;
  readonly sources: readonly ItemSource[];
  /** A not-met answer blocks a favourable decision. */
  readonly blocking: boolean;
  readonly appliesWhen: readonly ApplicabilityCondition[];
}

export const REG_2023_1543 = "Regulation (EU) 2023/1543 (e-Evidence)";
export const CLOUD_ACT = "US CLOUD Act executive agreements, 18 U.S.C.";
export const IPA_2016 = "Investigatory Powers Act 2016 (UK)";
