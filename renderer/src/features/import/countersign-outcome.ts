// What an import outcome row says and opens for the two four-eyes bundles: a colleague's
// countersignature request (opens on the Countersignatures screen) and a countersignature
// coming back for one of this store's decisions (opens that decision's page). The outcome names a
// countersignature by its own id, so the decision it answers is looked up in the decisions list.
import type { ImportOutcome } from "../../../../shared/api/requests.js";
import { api } from "../../api/client.js";
import type { Route } from "../../app/routes.js";
import { announce } from "../../store/announcer.js";
import { failureFrom } from "../../store/failure.js";

export interface CountersignOutcome {
  kind: "request" | "answer";
  /** The colleague's decision id (a request), or the countersignature's id (an answer). */
  id: string;
  /** The reviewer entry whose key signed the bundle. */
  from: string;
}

export function countersignOutcome(outcome: Extract<ImportOutcome, { status: "imported" | "duplicate" }>): CountersignOutcome | null {
  if (outcome.bundleType === "countersignature-request") return { kind: "request", id: outcome.id, from: outcome.authority };
  if (outcome.bundleType === "countersignature") return { kind: "answer", id: outcome.id, from: outcome.authority };
  return null;
}

export async function openCountersignOutcome(outcome: CountersignOutcome, navigate: (route: Route) => void): Promise<void> {
  if (outcome.kind === "request") {
    navigate({ screen: "countersign-request", decisionId: outcome.id });
    return;
  }
  try {
    const decision = (await api.listDecisions({})).find((each) => each.countersignatures.some((line) => line.id === outcome.id));
    navigate(decision ? { screen: "decision", id: decision.id } : { screen: "decisions" });
  } catch (error) {
    const failure = failureFrom(error);
    if (failure) announce(failure.message, "assertive");
  }
}
