// Builds and opens sealed bundles with the stock programs only (tar, age, minisign, sha256sum),
// exactly as sealed-bundle-v1 tells an issuing authority to. Interop tests and the bench use it.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const run = (cmd: string, args: string[], opts: { cwd?: string; input?: string | Buffer } = {}): string =>
  execFileSync(cmd, args, { cwd: opts.cwd, input: opts.input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });

export interface StockAgeKey {
  identityFile: string;
  recipient: string;
}

export function stockAgeKeygen(dir: string, name = "office"): StockAgeKey {
  const identityFile = join(dir, `${name}.agekey`);
  run("age-keygen", ["-o", identityFile]);
  const recipient = run("age-keygen", ["-y", identityFile]).trim();
  return { identityFile, recipient };
}

export interface StockMinisignKey {
  publicKeyFile: string;
  secretKeyFile: string;
  publicKeyLine: string;
}

/** `minisign -G -W`: a key pair without a password, as an automated issuer would keep it. */
export function stockMinisignKeygen(dir: string, name = "issuer"): StockMinisignKey {
  const publicKeyFile = join(dir, `${name}.pub`);
  const secretKeyFile = join(dir, `${name}.key`);
  run("minisign", ["-G", "-W", "-f", "-p", publicKeyFile, "-s", secretKeyFile]);
  const publicKeyLine = readFileSync(publicKeyFile, "utf8").trim().split("\n")[1] ?? "";
  return { publicKeyFile, secretKeyFile, publicKeyLine };
}

export interface StockBagInput {
  workDir: string;
  root: string;
  document: string | Buffer;
  documentName?: string;
  attachments?: { name: string; bytes: Buffer | string }[];
  bagInfo: Record<string, string>;
  /** Extra lines written verbatim to bag-info.txt, for malformed-bag tests. */
  bagInfoOverride?: string;
}

/** Lays out a bag directory with shell tools and returns its root path (unsigned). */
export function stockBag(input: StockBagInput): string {
  const bag = join(input.workDir, input.root);
  mkdirSync(join(bag, "data", "attachments"), { recursive: true });
  writeFileSync(join(bag, "data", input.documentName ?? "request.json"), input.document);
  for (const file of input.attachments ?? []) writeFileSync(join(bag, "data", "attachments", file.name), file.bytes);
  writeFileSync(join(bag, "bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
  // NUL-separated: attachment names may contain spaces (plain `xargs` would split them).
  run("sh", ["-c", "find data -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum > manifest-sha256.txt"], { cwd: bag });
  const payloadFiles = run("sh", ["-c", "find data -type f"], { cwd: bag }).trim().split("\n");
  const octets = payloadFiles.reduce((sum, file) => sum + statSync(join(bag, file)).size, 0);
  const info = { ...input.bagInfo, "Payload-Oxum": input.bagInfo["Payload-Oxum"] ?? `${octets}.${payloadFiles.length}` };
  const text = input.bagInfoOverride ?? Object.entries(info).map(([label, value]) => `${label}: ${value}\n`).join("");
  writeFileSync(join(bag, "bag-info.txt"), text);
  run("sh", ["-c", "sha256sum bagit.txt bag-info.txt manifest-sha256.txt > tagmanifest-sha256.txt"], { cwd: bag });
  return bag;
}

export function stockSign(bagDir: string, key: StockMinisignKey): void {
  run("minisign", ["-S", "-s", key.secretKeyFile, "-m", join(bagDir, "tagmanifest-sha256.txt")]);
}

/** `tar -C work -cf - ROOT | age -r RECIPIENT -o OUT` (GNU tar's default format unless told). */
export function stockSeal(
  workDir: string,
  root: string,
  recipients: string[],
  out: string,
  armor = false,
  options: { tarFormat?: "gnu" | "pax" | "ustar" } = {},
): void {
  const format = options.tarFormat === undefined ? [] : [`--format=${options.tarFormat}`];
  const tarBytes = execFileSync("tar", [...format, "-C", workDir, "-cf", "-", root], { maxBuffer: 1 << 30 });
  const args = [...recipients.flatMap((r) => ["-r", r]), ...(armor ? ["-a"] : []), "-o", out];
  execFileSync("age", args, { input: tarBytes });
}

/** `age -d -i KEY FILE | tar -x`, then `minisign -V` and `sha256sum -c` on both manifests. */
export function stockOpen(sealed: string, identityFile: string, outDir: string, publicKeyFile: string): string {
  mkdirSync(outDir, { recursive: true });
  // Two steps rather than a shell pipe: sh has no pipefail, so a failing `age -d` would go unseen.
  const tarBytes = execFileSync("age", ["-d", "-i", identityFile, sealed], { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });
  execFileSync("tar", ["-x", "-C", outDir], { input: tarBytes, stdio: ["pipe", "pipe", "pipe"] });
  const roots = readdirSync(outDir);
  if (roots.length !== 1) throw new Error(`the archive has ${roots.length} top-level entries, not one bag root: ${roots.join(", ")}`);
  const bag = join(outDir, roots[0] ?? "");
  run("minisign", ["-V", "-H", "-q", "-p", publicKeyFile, "-m", join(bag, "tagmanifest-sha256.txt")]);
  run("sha256sum", ["-c", "--quiet", "--strict", "tagmanifest-sha256.txt"], { cwd: bag });
  run("sha256sum", ["-c", "--quiet", "--strict", "manifest-sha256.txt"], { cwd: bag });
  return bag;
}
