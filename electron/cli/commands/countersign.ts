// `counterseal countersign request | list | show | sign | decline`: four eyes between two stores
// (docs/decisions.md, Four eyes). The deciding reviewer seals a decision that awaits its
// countersignature to a colleague (`request`); the colleague imports it (`counterseal import`),
// reads it (`list`, `show`) and answers (`sign`, `decline`), which seals the countersignature back;
// importing that makes the decision final (or countersignature-declined).
import type { Command } from "commander";
import type { CountersignRequestSummary, CountersignRequestView } from "../../../shared/api/countersign.js";
import { answerCountersignRequest } from "../../core/decisions/countersign-answer.js";
import { requestCountersignature } from "../../core/decisions/countersign-request.js";
import { getCountersignRequest, listCountersignRequests } from "../../core/decisions/countersign-views.js";
import type { CountersignatureVerdict } from "../../../shared/vocabulary/countersignature-verdicts.js";
import { printJson, withSession } from "../context.js";

export function registerCountersignBundleCommands(countersign: Command): void {
  countersign
    .command("request")
    .description("seal a decision awaiting its countersignature, with its review, to a colleague (a keyring entry of kind reviewer): <decision>.countersign.sealed")
    .argument("<decision>", "the decision's id")
    .requiredOption("--to <entry>", "the colleague's keyring entry (kind reviewer, with an age recipient)")
    .requiredOption("--out <dir>", "an existing folder; nothing in it is overwritten")
    .option("--json", 'print {"file","decisionId","to","toKeyId","decisionSha256"}')
    .action(async (decision: string, options: { to: string; out: string; json?: boolean }, command: Command) => {
      await withSession(command, async (session) => {
        const result = await requestCountersignature(session, decision, options.to, options.out);
        if (options.json) printJson(result);
        else process.stdout.write(`${result.file}\nsealed to ${result.to} (key ${result.toKeyId}) for countersignature of sha256 ${result.decisionSha256}\n`);
      });
    });
  countersign
    .command("list")
    .description("the countersignature requests received from colleagues, newest first, with this store's answer")
    .option("--json", "print a JSON array")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        const requests = listCountersignRequests(session);
        if (options.json) printJson(requests);
        else process.stdout.write(requests.map(requestLine).join(""));
      });
    });
  countersign
    .command("show")
    .description("read a colleague's decision and the review it rests on (read-only)")
    .argument("<decision>", "the decision's id")
    .option("--json", "print the request: decision, request document, review")
    .action(async (decision: string, options: { json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        const view = getCountersignRequest(session, decision);
        if (options.json) printJson(view);
        else process.stdout.write(describeRequest(view));
      });
    });
  const answer = (verdict: CountersignatureVerdict) => async (decision: string, options: AnswerOptions, command: Command) => {
    await withSession(command, async (session) => {
      const result = await answerCountersignRequest(
        session,
        decision,
        { verdict, ...(options.reason !== undefined && { reasons: options.reason }), ...(options.id !== undefined && { id: options.id }) },
        options.out,
      );
      if (options.json) printJson(result);
      else process.stdout.write(`${result.file}\n${result.verdict === "signed" ? "countersigned" : "declined"} ${result.decisionId} as ${result.id} (sha256 ${result.sha256}); sealed to ${result.sealedTo}\n`);
    });
  };
  const ANSWER_JSON = 'print {"file","id","decisionId","verdict","sha256","sealedTo"}';
  countersign
    .command("sign")
    .description("countersign a colleague's decision and seal the countersignature back to them (<id>.sealed)")
    .argument("<decision>", "the decision's id (counterseal countersign list)")
    .requiredOption("--out <dir>", "an existing folder; nothing in it is overwritten")
    .option("--reason <text>", "a remark, signed with the countersignature")
    .option("--id <id>", "the countersignature's id (default <decision id>.CS)")
    .option("--json", ANSWER_JSON)
    .action(answer("signed"));
  countersign
    .command("decline")
    .description("decline to countersign, with reasons, and seal that back to the colleague (<id>.sealed)")
    .argument("<decision>", "the decision's id (counterseal countersign list)")
    .requiredOption("--reason <text>", "why the decision cannot be countersigned")
    .requiredOption("--out <dir>", "an existing folder; nothing in it is overwritten")
    .option("--id <id>", "the countersignature's id (default <decision id>.CS)")
    .option("--json", ANSWER_JSON)
    .action(answer("declined"));
}

interface AnswerOptions {
  out: string;
  reason?: string;
  id?: string;
  json?: boolean;
}

function requestLine(request: CountersignRequestSummary): string {
  const { request: ref, answer } = request;
  const state = answer === null ? "awaiting your countersignature" : `${answer.verdict} as ${answer.id}`;
  return `${request.decisionId}  ${request.outcome} on ${ref.authority}/${ref.id}/${ref.revision}  from ${request.from.entry} (key ${request.from.keyId})  ${state}\n`;
}

function describeRequest(view: CountersignRequestView): string {
  const { decision, review } = view;
  const lines = [
    `${requestLine(view).trimEnd()}`,
    `  decided by ${decision.reviewer.name}, ${decision.reviewer.office} (key ${decision.reviewer.keyId}) at ${decision.decidedAt}; sha256 ${view.decisionSha256}`,
    ...Object.entries(decision.reasons).map(([area, text]) => `  reason (${area}): ${String(text)}`),
    `  granted: ${decision.grantedScope === undefined ? "nothing" : decision.grantedScope.dataCategories.join(", ")}`,
    `  checklist ${review.template.id}: ${review.items.filter((item) => item.answer !== null).map((item) => `${item.id}=${String(item.answer)}`).join(" ")}`,
  ];
  return `${lines.join("\n")}\n`;
}
