// `counterseal trust`: the keyring of issuing authorities, colleague reviewers and committees. The
// command keeps the verb it has had since the first release (scripts call `trust add`); `keyring`
// is the same command by the name the rest of the product uses.
import { existsSync, readFileSync } from "node:fs";
import type { Command } from "commander";
import type { KeyringEntry } from "../../../shared/api/keyring.js";
import { addAuthorityKey, defaultEntryId, listKeyring, revokeAuthorityKey } from "../../core/keyring/keyring-service.js";
import { formatKeyId, parsePublicKey } from "../../core/crypto/minisign.js";
import { isKeyringKind, KEYRING_KINDS, type KeyringKind } from "../../../shared/vocabulary/keyring-kinds.js";
import { CliError } from "../exit-codes.js";
import { printJson, withSession } from "../context.js";

interface AddOptions {
  authority?: string;
  id?: string;
  kind: string;
  name: string;
  country: string;
  minisignKey: string;
  ageRecipient?: string;
  validFrom?: string;
  validUntil?: string;
}

export function registerKeyringCommands(program: Command): void {
  const trust = program.command("trust").alias("keyring").description("manage the keyring: issuing authorities, colleague reviewers, committees");
  trust
    .command("add")
    .description("trust an authority's minisign key, or add a colleague reviewer or a committee (--kind)")
    .option("--kind <kind>", `what the entry is: ${KEYRING_KINDS.join(", ")}`, "authority")
    .option("--authority <id>", "the authority id its documents carry (issuingAuthority.id); required for --kind authority")
    .option("--id <id>", "a reviewer's or committee's entry id (default: <kind>:<key id>); for an authority, the same as --authority")
    .requiredOption("--name <name>", "the authority's, reviewer's or committee's name")
    .requiredOption("--country <cc>", "ISO 3166-1 alpha-2 country code")
    .requiredOption("--minisign-key <file>", "its minisign public key: a .pub file, or the base64 line")
    .option("--age-recipient <recipient>", "its age recipient, to seal replies (or countersignature bundles) to it")
    .option("--valid-from <time>", "first moment the key is valid (RFC 3339, or YYYY-MM-DD for 00:00 UTC)")
    .option("--valid-until <time>", "last moment the key is valid (RFC 3339, or YYYY-MM-DD for the end of that day UTC)")
    .action(async (options: AddOptions, command: Command) => {
      const keyText = existsSync(options.minisignKey) ? readFileSync(options.minisignKey, "utf8") : options.minisignKey;
      const kind = kindOf(options.kind);
      const authorityId = entryIdOf(kind, options, keyText);
      await withSession(command, (session) => {
        const entry = addAuthorityKey(session, {
          authorityId,
          ...(kind !== "authority" && { kind }),
          name: options.name,
          country: options.country,
          minisignPublicKey: keyText,
          ...(options.ageRecipient !== undefined && { ageRecipient: options.ageRecipient }),
          ...(options.validFrom !== undefined && { validFrom: parseTime(options.validFrom, "--valid-from", "start") }),
          ...(options.validUntil !== undefined && { validUntil: parseTime(options.validUntil, "--valid-until", "end") }),
        });
        const what = entry.kind === "authority" ? "" : `${entry.kind} `;
        process.stdout.write(`trusted key ${entry.keyId} for ${what}${entry.authorityId} (${entry.name}, ${entry.country})\n`);
      });
    });
  trust
    .command("revoke")
    .description("revoke a key from now on; bundles it signed earlier stay")
    .argument("<keyid>", "the key id as minisign prints it (leading zeros optional, any case)")
    .action(async (keyId: string, _options: unknown, command: Command) => {
      await withSession(command, (session) => {
        const entry = revokeAuthorityKey(session, keyId);
        process.stdout.write(`revoked key ${entry.keyId} of ${entry.authorityId} at ${entry.revokedAt ?? ""}\n`);
      });
    });
  trust
    .command("list")
    .description("list the keyring")
    .option("--json", "print a JSON array")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        const entries = listKeyring(session);
        if (options.json) return printJson(entries);
        process.stdout.write(entries.map(describeEntry).join(""));
      });
    });
}

function kindOf(text: string): KeyringKind {
  if (!isKeyringKind(text)) throw new CliError(`--kind ${text}: use ${KEYRING_KINDS.join(", ")}`);
  return text;
}

/**
 * An authority is named by its own id (--authority, or --id meaning the same); a reviewer or
 * committee by the id the office gives it, `<kind>:<key id>` unless --id names one.
 */
function entryIdOf(kind: KeyringKind, options: AddOptions, keyText: string): string {
  if (options.authority !== undefined && options.id !== undefined && options.authority !== options.id) {
    throw new CliError(`--authority ${options.authority} and --id ${options.id} name two ids; give one`);
  }
  const given = options.id ?? options.authority;
  if (given !== undefined) return given;
  if (kind === "authority") throw new CliError("--authority <id> is required: the authority id its documents carry (issuingAuthority.id)");
  try {
    return defaultEntryId(kind, formatKeyId(parsePublicKey(keyText).keyId));
  } catch (error) {
    throw new CliError(`--minisign-key: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const describeEntry = (entry: KeyringEntry): string =>
  `${entry.keyId.padStart(16, "0")}  ${entry.authorityId}  ${entry.country}  ${entry.name}${entry.kind === "authority" ? "" : `  (${entry.kind})`}` +
  `${entry.revokedAt ? `  REVOKED ${entry.revokedAt}` : ""}${entry.validUntil ? `  until ${entry.validUntil}` : ""}\n`;

/** RFC 3339 with an offset, or a bare date meaning the start or the end of that UTC day. */
export function parseTime(text: string, option: string, edge: "start" | "end"): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const iso = dateOnly ? `${text}T${edge === "start" ? "00:00:00.000" : "23:59:59.999"}Z` : text;
  const withOffset = dateOnly || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text);
  const time = new Date(iso);
  if (!withOffset || Number.isNaN(time.getTime())) throw new CliError(`${option} ${text}: use RFC 3339 with an offset (2026-12-01T00:00:00Z) or YYYY-MM-DD`);
  return time;
}
