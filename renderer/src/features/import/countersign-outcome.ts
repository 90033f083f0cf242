// Where an import outcome row's Open goes for the two four-eyes bundles (import-model.ts says
// what they were): a colleague's countersignature request opens on the Countersignatures screen; a
// countersignature coming back opens the page of the decision it answers. The outcome names a
// countersignature by its own id, so that decision is looked up in the decisions list.
import { api } from "../../api/client.js";
import type { Route } from "../../app/routes.js";
import { announce } from "../../store/announcer.js";
import { failureFrom } from "../../store/failure.js";
import type { CountersignOutcome } from "./import-model.js";

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
