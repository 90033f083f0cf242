// What the app's four-eyes screens read, on two real stores: the requests a decision's page lists
// as sent (from the audit log, oldest first, with the colleague's current name), and the request
// view's signature check, which holds for what the import stored and names what fails when the
// bytes, the signature or the digest are not what the colleague signed.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { sha256Hex } from "../../electron/core/crypto/digest.js";
import { listCountersignRequestsSent } from "../../electron/core/decisions/countersign-sent.js";
import { requestCountersignature } from "../../electron/core/decisions/countersign-request.js";
import { checkDecisionSignature, getCountersignRequest } from "../../electron/core/decisions/countersign-views.js";
import { DecisionNotFoundError } from "../../electron/core/decisions/decision-errors.js";
import { fourEyes, type FourEyes } from "./countersign-office.js";

describe("the four-eyes screens' reads", () => {
  let pair: FourEyes;
  beforeEach(async () => {
    pair = await fourEyes();
  });
  afterEach(() => pair.close());

  it("lists each request sent for a decision, with when and to whom, and only for that decision", async () => {
    const { decider, decisionId } = pair;
    expect(listCountersignRequestsSent(decider.session, decisionId)).toEqual([]);
    expect(() => listCountersignRequestsSent(decider.session, "D-404")).toThrow(DecisionNotFoundError);
    const outbox = join(decider.dir, "outbox");
    mkdirSync(outbox);
    const first = decider.session.runtime.clock.now().toISOString();
    await requestCountersignature(decider.session, decisionId, "reviewer:nikos", outbox);
    decider.runtime.advance(60_000);
    const again = join(decider.dir, "again");
    mkdirSync(again);
    await requestCountersignature(decider.session, decisionId, "reviewer:nikos", again);
    const sent = listCountersignRequestsSent(decider.session, decisionId);
    expect(sent.map((line) => [line.to, line.name, line.at])).toEqual([
      ["reviewer:nikos", "Νίκος Παπαδόπουλος", first],
      ["reviewer:nikos", "Νίκος Παπαδόπουλος", new Date(Date.parse(first) + 60_000).toISOString()],
    ]);
    // Two bundles, each sealed afresh: two digests.
    expect(new Set(sent.map((line) => line.sealedSha256)).size).toBe(2);
    expect(sent[0]?.toKeyId).toMatch(/^[0-9A-F]{1,16}$/);
  });

  it("verifies the stored decision again as the view is read, and names what fails", async () => {
    const { decider, colleague, decisionId } = pair;
    const outbox = join(decider.dir, "outbox");
    mkdirSync(outbox);
    const sent = await requestCountersignature(decider.session, decisionId, "reviewer:nikos", outbox);
    expect((await importBundleFile(colleague.session, sent.file)).status).toBe("imported");
    const view = getCountersignRequest(colleague.session, decisionId);
    expect(view.signature).toEqual({ verified: true, keyId: view.from.keyId, trustedComment: `counterseal decision ${decisionId} sha256:${sent.decisionSha256}`, problem: null });

    const stored = colleague.session.store.countersign.getRequest(decisionId);
    if (stored === undefined) throw new Error("the request was not stored");
    const flipped = Uint8Array.from(stored.decisionBytes);
    flipped[10] = (flipped[10] ?? 0) ^ 0x01;
    expect(checkDecisionSignature(colleague.session, { ...stored, decisionBytes: flipped })).toMatchObject({ verified: false, problem: expect.stringContaining("SHA-256") });
    // The same bytes under a digest that matches them, but a signature over the original: the signature fails.
    expect(checkDecisionSignature(colleague.session, { ...stored, decisionBytes: flipped, decisionSha256: sha256Hex(flipped) })).toEqual({
      verified: false,
      keyId: view.from.keyId,
      trustedComment: null,
      problem: "the signature does not match the file",
    });
    // A key the keyring does not hold.
    expect(checkDecisionSignature(colleague.session, { ...stored, fromKeyId: new Uint8Array(8) })).toMatchObject({ verified: false, problem: expect.stringContaining("no longer in the keyring") });
  });
});
