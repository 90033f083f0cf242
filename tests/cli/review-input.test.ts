// `counterseal review`'s flags read into changes before the store opens: every malformed flag is
// a usage error naming it, and a well-formed set comes out in the order the CLI applies it.
import { describe, expect, it } from "vitest";
import { conditionOf, planChanges, type ReviewFlags } from "../../electron/cli/commands/review-input.js";
import { CliError } from "../../electron/cli/exit-codes.js";

const flags = (more: Partial<ReviewFlags>): ReviewFlags => ({ set: [], confirm: [], strikeCategory: [], strikeTarget: [], condition: [], ...more });

describe("counterseal review's flags", () => {
  it("read in the order they are applied: declaration, answers, confirmations, findings, then the scope", () => {
    expect(
      planChanges(
        flags({
          declareIndependence: true,
          conflict: "I know the provider's counsel.",
          set: ["L1=met"],
          note: "Art 5.",
          confirm: ["all"],
          strikeCategory: ["content"],
          strikeTarget: ["+31 6 1234 5678"],
          period: "2026-06-01T00:00:00+02:00..2026-06-30T23:59:59+02:00",
          retention: "30",
          condition: ["no-onward-transfer:Not to third countries."],
        }),
      ),
    ).toEqual([
      { kind: "independence", conflict: true, note: "I know the provider's counsel." },
      { kind: "answer", item: "L1", answer: "met", note: "Art 5." },
      { kind: "confirm", items: "all" },
      { kind: "scope", change: { op: "strike-category", category: "content" } },
      { kind: "strike-target", value: "+31 6 1234 5678" },
      { kind: "scope", change: { op: "set-period", period: { from: "2026-06-01T00:00:00+02:00", to: "2026-06-30T23:59:59+02:00" } } },
      { kind: "scope", change: { op: "set-retention", days: 30 } },
      { kind: "scope", change: { op: "add-condition", condition: { kind: "no-onward-transfer", text: "Not to third countries." } } },
    ]);
    expect(conditionOf("report-back-by=2027-03-01:Report what the data showed.")).toEqual({
      op: "add-condition",
      condition: { kind: "report-back-by", date: "2027-03-01", text: "Report what the data showed." },
    });
  });

  it.each([
    [flags({ set: ["L1"] }), /--set L1: use ITEM=ANSWER/],
    [flags({ set: ["L1=yes"] }), /"yes" is not an answer; use met, not-met, na, info/],
    [flags({ set: ["L1=met", "L2=met"], note: "which one?" }), /--note goes with exactly one --set, --override or --accept/],
    [flags({ override: "N7-less-intrusive-means" }), /--override N7-less-intrusive-means needs --note TEXT/],
    [flags({ conflict: "x" }), /--conflict goes with --declare-independence/],
    [flags({ strikeCategory: ["emails"] }), /--strike-category emails: use one of subscriber/],
    [flags({ period: "2026-06-01" }), /--period 2026-06-01: use FROM\.\.TO/],
    [flags({ retention: "-3" }), /--retention -3: use a whole number of days/],
    [flags({ condition: ["gag-order:forever"] }), /the kind must be one of purpose-limitation/],
    [flags({ condition: ["purpose-limitation=2027-01-01:x"] }), /purpose-limitation takes no date/],
    [flags({ condition: ["notify-person-by=2027-01-01"] }), /say what the condition is after a colon/],
  ])("refuses %#, naming the flag", (given, fault) => {
    expect(() => planChanges(given)).toThrow(CliError);
    expect(() => planChanges(given)).toThrow(fault);
  });
});
