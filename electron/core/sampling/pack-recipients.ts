// Who an audit pack is sealed to: `--to` names the committee's age recipient (`age1…`) or a file of
// them in age's recipients-file format (one per line; blank lines and `#` comments ignored).
import { readFileSync } from "node:fs";
import { isAgeRecipient } from "../crypto/age.js";
import { PackRecipientInvalidError } from "../auditor/auditor-errors.js";

export function packRecipients(to: string): string[] {
  if (isAgeRecipient(to)) return [to];
  let text: string;
  try {
    text = readFileSync(to, "utf8");
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : (error as Error).message;
    throw new PackRecipientInvalidError(`--to ${to}: neither an age recipient (age1…) nor a readable recipients file (${why})`);
  }
  const lines = text.split(/\r?\n/).map((line, index) => ({ line: index + 1, text: line.trim() })).filter((line) => line.text !== "" && !line.text.startsWith("#"));
  const bad = lines.find((line) => !isAgeRecipient(line.text));
  if (bad !== undefined) throw new PackRecipientInvalidError(`${to} line ${bad.line}: ${JSON.stringify(bad.text.slice(0, 80))} is not an age X25519 recipient (age1…)`);
  if (lines.length === 0) throw new PackRecipientInvalidError(`${to} lists no age recipient`);
  return [...new Set(lines.map((line) => line.text))];
}
