// `counterseal requests` and `counterseal show`: what the store holds, in the API's shapes (the
// inbox row and getRequest's detail), so a script sees what the app sees.
import type { Command } from "commander";
import type { RequestDetail } from "../../../shared/api/requests.js";
import { getRequestDetail, listRequestRevisions, parseRequestRef } from "../../core/requests/requests-service.js";
import { printJson, withSession } from "../context.js";

export function registerRequestCommands(program: Command): void {
  program
    .command("requests")
    .description("list every stored request revision, most recently received first")
    .option("--json", "one JSON object per revision")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        for (const row of listRequestRevisions(session)) {
          if (options.json) printJson(row);
          else {
            const name = `${row.authority}/${row.id}/${row.revision}`;
            process.stdout.write(`${row.receivedAt}  ${row.urgency.padEnd(9)}  ${row.instrument.padEnd(25)}  ${name}\n`);
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
        const detail = getRequestDetail(session, parseRequestRef(ref));
        if (options.json) printJson(detail);
        else process.stdout.write(describe(detail));
      });
    });
}

function describe(detail: RequestDetail): string {
  const lines = [
    `${detail.authority}/${detail.id} revision ${detail.revision} (${detail.instrument}, ${detail.urgency})`,
    `received ${detail.receivedAt}; submitted ${detail.submittedAt}${detail.respondBy ? `; respond by ${detail.respondBy}` : ""}`,
    `signed by key ${detail.provenance.signerKeyId} (${detail.provenance.sourceOrganization}); bundle ${detail.provenance.bundleDigest}`,
    `revisions: ${detail.revisions.map((revision) => revision.revision).join(", ")}`,
    ...detail.attachments.map((a) => `attachment ${a.path} (${a.mediaType}, ${a.size} bytes, sha256 ${a.sha256}): ${a.title}`),
    "",
    JSON.stringify(detail.document, null, 2),
  ];
  return `${lines.join("\n")}\n`;
}
