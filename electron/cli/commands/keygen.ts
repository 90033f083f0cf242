// `counterseal keygen --out PREFIX`: a minisign key pair in minisign's own file formats,
// for issuers (and tests) that have no minisign binary.
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { encodePublicKeyFile, encodeSecretKeyFile, formatKeyId, generateMinisignKeyPair } from "../../core/crypto/minisign.js";
import { systemIds } from "../../core/runtime.js";
import { CliError } from "../exit-codes.js";
import { readNewSecret } from "../prompt.js";

export function registerKeygenCommand(program: Command): void {
  program
    .command("keygen")
    .description("write a minisign key pair: PREFIX.key (secret) and PREFIX.pub (public)")
    .requiredOption("--out <prefix>", "file name prefix")
    .option("-W, --without-password", "do not encrypt the secret key (like minisign -G -W)")
    .option("--force", "overwrite existing files")
    .action(async (options: { out: string; withoutPassword?: boolean; force?: boolean }) => {
      const password = options.withoutPassword ? undefined : await readNewSecret("Key password", "COUNTERSEAL_KEY_PASSWORD");
      const pair = generateMinisignKeyPair(systemIds.randomBytes);
      const flag = options.force ? "w" : "wx";
      try {
        writeFileSync(`${options.out}.key`, encodeSecretKeyFile(pair, password, systemIds.randomBytes), { mode: 0o600, flag });
        writeFileSync(`${options.out}.pub`, encodePublicKeyFile(pair), { flag });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new CliError(`${options.out}.key or .pub exists; use --force to overwrite`);
        throw error;
      }
      process.stdout.write(`key id ${formatKeyId(pair.keyId)}: wrote ${options.out}.key and ${options.out}.pub\n`);
    });
}
