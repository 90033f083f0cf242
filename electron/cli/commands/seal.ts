// `counterseal seal`: the sender side, for issuers, demos and tests.
import { createReadStream, readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { isAgeRecipient } from "../../core/crypto/age.js";
import { parseSecretKeyFile, secretKeyNeedsPassword } from "../../core/crypto/minisign.js";
import { readRequestDocument } from "../../core/bundles/request-document.js";
import { DEFAULT_LIMITS } from "../../core/bundles/limits.js";
import { sealBundle } from "../../core/bundles/seal-bundle.js";
import { systemClock } from "../../core/runtime.js";
import { CliError, EXIT } from "../exit-codes.js";
import { writeFileAtomically } from "../files.js";
import { readSecret } from "../prompt.js";

interface SealOptions {
  request: string;
  attach: string[];
  key: string;
  to: string[];
  armor?: boolean;
  out: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerSealCommand(program: Command): void {
  program
    .command("seal")
    .description("build, sign and encrypt a request bundle (sealed-bundle-v1)")
    .requiredOption("--request <file>", "the request document (request.json)")
    .option("--attach <file>", "an attachment; lands at data/attachments/<its name> (repeatable)", collect, [])
    .requiredOption("--key <file>", "the sender's minisign secret key (as `minisign -G` writes it)")
    .requiredOption("--to <recipient>", "an age recipient (age1…) to encrypt to (repeatable)", collect, [])
    .option("--armor", "ASCII-armored output")
    .requiredOption("--out <file>", "where to write the sealed bundle")
    .action(async (options: SealOptions) => {
      for (const recipient of options.to) {
        if (!isAgeRecipient(recipient)) throw new CliError(`--to ${recipient}: not an age recipient (age1…)`);
      }
      const documentBytes = readFileSync(options.request);
      const document = readRequestDocument(documentBytes, DEFAULT_LIMITS, basename(options.request));
      const attachments = options.attach.map((path) => ({
        name: basename(path),
        size: statSync(path).size,
        open: () => createReadStream(path, { highWaterMark: 1 << 20 }),
      }));
      checkAttachmentsListed(document.attachments.map((a) => a.path), attachments.map((a) => a.name));

      const keyText = readFileSync(options.key, "utf8");
      const password = secretKeyNeedsPassword(keyText) ? await readSecret("Key password", "COUNTERSEAL_KEY_PASSWORD") : undefined;
      const signer = parseSecretKeyFile(keyText, password);

      const sealed = await sealBundle({
        bundleType: "request",
        documentBytes,
        identifier: { authority: document.issuingAuthority.id, id: document.id, revision: document.revision },
        sourceOrganization: document.issuingAuthority.name,
        attachments,
        signer,
        recipients: options.to,
        armor: options.armor ?? false,
        now: systemClock.now(),
      });
      await writeFileAtomically(options.out, sealed);
      process.stdout.write(`sealed ${document.issuingAuthority.id}/${document.id}/${document.revision} to ${options.out}\n`);
    });
}

/** Every --attach must be listed in the request's attachments as attachments/<name>, and the reverse. */
function checkAttachmentsListed(listed: readonly string[], given: readonly string[]): void {
  const expected = new Set(listed);
  const seen = new Set<string>();
  for (const name of given) {
    const path = `attachments/${name}`;
    if (seen.has(path)) throw new CliError(`--attach ${name} is given twice`, EXIT.refused);
    seen.add(path);
    if (!expected.has(path)) throw new CliError(`--attach ${name}: the request's attachments do not list "${path}"`, EXIT.refused);
  }
  for (const path of expected) {
    if (!seen.has(path)) throw new CliError(`the request lists attachment "${path}" but no --attach gives it`, EXIT.refused);
  }
}
