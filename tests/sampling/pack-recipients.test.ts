// Who an audit pack is sealed to (`sample pack --to`): a committee of the keyring (its newest
// usable key's age recipient), an age recipient, or a recipients file; anything else, including a
// keyring entry of another kind or a committee with no recipient, is refused by name.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { encodePublicKey, generateMinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { addAuthorityKey, revokeAuthorityKey } from "../../electron/core/keyring/keyring-service.js";
import { packRecipients } from "../../electron/core/sampling/pack-recipients.js";
import { openTestOffice, type TestOffice } from "../helpers/office.js";
import { SAMPLE_AUTHORITY } from "../helpers/sample-request.js";
import { stockAgeKeygen } from "../helpers/stock-tools.js";

let office: TestOffice;
afterEach(() => office.session.store.close());

const newKey = () => encodePublicKey(generateMinisignKeyPair(office.runtime.ids.randomBytes));
const refused = (to: string): string => {
  try {
    packRecipients(office.session, to);
  } catch (error) {
    return `${(error as { code: string }).code}: ${(error as Error).message}`;
  }
  return "not refused";
};

describe("the audit pack's recipients", () => {
  it("seals to a committee of the keyring by its newest usable key, and to age recipients given or listed in a file", () => {
    office = openTestOffice();
    const [older, newer] = [stockAgeKeygen(office.dir, "committee-1"), stockAgeKeygen(office.dir, "committee-2")];
    addAuthorityKey(office.session, { kind: "committee", authorityId: "libe", name: "LIBE Committee", country: "BE", minisignPublicKey: newKey(), ageRecipient: older.recipient });
    office.runtime.advance(1000);
    const second = addAuthorityKey(office.session, { kind: "committee", authorityId: "libe", name: "LIBE Committee", country: "BE", minisignPublicKey: newKey(), ageRecipient: newer.recipient });
    expect(packRecipients(office.session, "libe")).toEqual([newer.recipient]);
    revokeAuthorityKey(office.session, second.keyId);
    expect(packRecipients(office.session, "libe")).toEqual([older.recipient]);

    expect(packRecipients(office.session, newer.recipient)).toEqual([newer.recipient]);
    const file = join(office.dir, "committee.txt");
    writeFileSync(file, `# the committee's staff\n${older.recipient}\n\n${newer.recipient}\n${older.recipient}\n`);
    expect(packRecipients(office.session, file)).toEqual([older.recipient, newer.recipient]);
  });

  it("refuses an authority's or a reviewer's entry, a committee without a recipient, and what is neither entry, recipient nor file", () => {
    office = openTestOffice();
    addAuthorityKey(office.session, { kind: "reviewer", authorityId: "reviewer:zofia", name: "Zofia Nowak", country: "PL", minisignPublicKey: newKey(), ageRecipient: stockAgeKeygen(office.dir).recipient });
    addAuthorityKey(office.session, { kind: "committee", authorityId: "pace", name: "PACE Committee", country: "FR", minisignPublicKey: newKey() });
    expect(refused(SAMPLE_AUTHORITY.id)).toBe(`pack-recipient-invalid: --to ${SAMPLE_AUTHORITY.id}: that keyring entry is of kind authority; an audit pack goes to a committee (counterseal keyring add --kind committee)`);
    expect(refused("reviewer:zofia")).toMatch(/^pack-recipient-invalid: .*of kind reviewer/);
    expect(refused("pace")).toBe("pack-recipient-invalid: --to pace: the committee has no usable key with an age recipient in the keyring");
    expect(refused("nobody")).toMatch(/^pack-recipient-invalid: --to nobody: neither a committee in the keyring, an age recipient \(age1…\) nor a readable recipients file \(there is no such file\)/);
  });
});
