// Who an audit pack is sealed to: `--to` names the committee's keyring entry (of kind committee,
// sealed to the age recipient of its newest usable key), its age recipient (`age1…`), or a file of
// them in age's recipients-file format (one per line; blank lines and `#` comments ignored).
import { readFileSync } from "node:fs";
import { isAgeRecipient } from "../crypto/age.js";
import { PackRecipientInvalidError } from "../auditor/auditor-errors.js";
import { replyRecipientOf } from "../keyring/reply-recipient.js";
import type { Session } from "../session/session.js";

export function packRecipients(session: Session, to: string): string[] {
  if (isAgeRecipient(to)) return [to];
  const entry = session.store.keyring.listKeyring().find((key) => key.authorityId === to);
  if (entry !== undefined) {
    if (entry.kind !== "committee") throw new PackRecipientInvalidError(`--to ${to}: that keyring entry is of kind ${entry.kind}; an audit pack goes to a committee (counterseal keyring add --kind committee)`);
    const recipient = replyRecipientOf(session, to);
    if (recipient === undefined) throw new PackRecipientInvalidError(`--to ${to}: the committee has no usable key with an age recipient in the keyring`);
    return [recipient];
  }
  let text: string;
  try {
    text = readFileSync(to, "utf8");
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : (error as Error).message;
    throw new PackRecipientInvalidError(`--to ${to}: neither a committee in the keyring, an age recipient (age1…) nor a readable recipients file (${why})`);
  }
  const lines = text.split(/\r?\n/).map((line, index) => ({ line: index + 1, text: line.trim() })).filter((line) => line.text !== "" && !line.text.startsWith("#"));
  const bad = lines.find((line) => !isAgeRecipient(line.text));
  if (bad !== undefined) throw new PackRecipientInvalidError(`${to} line ${bad.line}: ${JSON.stringify(bad.text.slice(0, 80))} is not an age X25519 recipient (age1…)`);
  if (lines.length === 0) throw new PackRecipientInvalidError(`${to} lists no age recipient`);
  return [...new Set(lines.map((line) => line.text))];
}
