// `counterseal requests` and `counterseal show`: what the store holds.
import type { Command } from "commander";
import { listRequestRevisions, parseRequestRef, showRequest, type RequestView } from "../../core/requests/requests-service.js";
import { printJson, withSession } from "../context.js";

export function registerRequestCommands(program: Command): void {
  program
    .command("requests")
    .description("list every stored request revision, most recently received first")
    .option("--json", "one JSON object per revision")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        for (const summary of listRequestRevisions(session)) {
          if (options.json) printJson(summary);
          else {
            const name = `${summary.authority}/${summary.id}/${summary.revision}`;
            process.stdout.write(`${summary.receivedAt}  ${summary.urgency.padEnd(9)}  ${summary.instrument.padEnd(25)}  ${name}\n`);
          }
        }
      });
    });
  program
    .command("show")
    .description("show one request revision (the latest when REVISION is omitted)")
    .argument("<ref>", "AUTHORITY/ID or AUTHORITY/ID/REVISION")
    .option("--json", "print JSON")
    .action(async (ref: string, options: { json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        const view = showRequest(session, parseRequestRef(ref));
        if (options.json) printJson(view);
        else process.stdout.write(describe(view));
      });
    });
}

function describe(view: RequestView): string {
  const lines = [
    `${view.authority}/${view.id} revision ${view.revision} (${view.instrument}, ${view.urgency})`,
    `received ${view.receivedAt}; submitted ${view.submittedAt}${view.respondBy ? `; respond by ${view.respondBy}` : ""}`,
    `signed by key ${view.provenance.signerKeyId} (${view.provenance.sourceOrganization}); bundle ${view.bundleDigest}`,
    `revisions: ${view.revisions.map((revision) => revision.revision).join(", ")}`,
    ...view.attachments.map((a) => `attachment ${a.path} (${a.mediaType}, ${a.size} bytes, sha256 ${a.sha256}): ${a.title}`),
    "",
    JSON.stringify(view.document, null, 2),
  ];
  return `${lines.join("\n")}\n`;
}
