// Four eyes through the API table, as the app's screens will call it: both offices' stores behind
// their own tables, the bundles written where the file door chose, each refusal checked before
// the dialog opens (a refused call never asks where to save), every answer checked against the
// contract's strict schemas.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import type { BundleSaved, CountersignRequestSent, CountersignRequestSummary, CountersignRequestView } from "../../shared/api/countersign.js";
import type { DecisionView } from "../../shared/api/decisions.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { testRuntime } from "../helpers/runtime.js";
import { recordingDoor, savingInto, type RecordingDoor } from "../api/doors.js";
import { fourEyes, type FourEyes } from "./countersign-office.js";
import { dispatching } from "../api/dispatching.js";

interface Table {
  door: RecordingDoor;
  api: ReturnType<typeof createApiHandlers>;
  call<V>(method: string, args?: unknown): Promise<V>;
  code(method: string, args: unknown): Promise<string>;
}

async function tableFor(storeDir: string, door: RecordingDoor): Promise<Table> {
  const api = createApiHandlers({ storeDir, runtime: testRuntime(new Date("2026-11-21T09:00:00Z"), storeDir), files: door });
  const { call, code } = dispatching(api);
  await call("unlock", { passphrase: STORE_PASSPHRASE });
  return { door, api, call, code };
}

describe("the countersign API", () => {
  let pair: FourEyes;
  const open: Table[] = [];
  beforeEach(async () => {
    pair = await fourEyes();
    pair.close();
  });
  afterEach(() => {
    for (const table of open.splice(0)) table.api.close();
  });

  it("requests, lists, shows and answers through the file door; refusals never open the dialog", async () => {
    const outbox = join(pair.decider.dir, "outbox");
    const reply = join(pair.colleague.dir, "reply");
    mkdirSync(outbox);
    mkdirSync(reply);
    const decider = await tableFor(pair.decider.storeDir, savingInto(outbox));
    const colleague = await tableFor(pair.colleague.storeDir, savingInto(reply));
    open.push(decider, colleague);

    expect(await decider.code("requestCountersignature", { decisionId: pair.decisionId, to: "nl-om-rotterdam" })).toBe("invalid-keyring-entry");
    expect(await decider.code("requestCountersignature", { decisionId: "D-404", to: "reviewer:nikos" })).toBe("decision-not-found");
    expect(decider.door.asked).toEqual([]);
    expect(await decider.call<CountersignRequestSent[]>("listCountersignRequestsSent", { decisionId: pair.decisionId })).toEqual([]);
    const sent = await decider.call<BundleSaved>("requestCountersignature", { decisionId: pair.decisionId, to: "reviewer:nikos" });
    // The page's "request sent": who, which key, when, and the bundle's digest, read back from the audit log.
    const sealedSha256 = createHash("sha256").update(readFileSync(join(outbox, `${pair.decisionId}.countersign.sealed`))).digest("hex");
    expect(await decider.call<CountersignRequestSent[]>("listCountersignRequestsSent", { decisionId: pair.decisionId })).toEqual([
      { to: "reviewer:nikos", name: "Νίκος Παπαδόπουλος", toKeyId: (await colleague.call<{ reviewer: { keyId: string } }>("getIdentity")).reviewer.keyId, at: "2026-11-21T09:00:00.000Z", sealedSha256 },
    ]);
    expect(await decider.code("listCountersignRequestsSent", { decisionId: "D-404" })).toBe("decision-not-found");
    expect(sent).toEqual({ saved: true, name: `${pair.decisionId}.countersign.sealed`, decisionId: pair.decisionId, sealedTo: "reviewer:nikos", sha256: (await decider.call<DecisionView>("getDecision", { id: pair.decisionId })).sha256 });

    const { token } = await colleague.api.importFiles.register(join(outbox, `${pair.decisionId}.countersign.sealed`));
    expect(await colleague.call("importBundles", { tokens: [token] })).toEqual([
      { file: `${pair.decisionId}.countersign.sealed`, status: "imported", authority: "reviewer:zofia", id: pair.decisionId, revision: 1, bundleType: "countersignature-request" },
    ]);
    expect(await colleague.call<CountersignRequestSummary[]>("listCountersignRequests")).toEqual([expect.objectContaining({ decisionId: pair.decisionId, answer: null })]);
    const shown = await colleague.call<CountersignRequestView>("getCountersignRequest", { decisionId: pair.decisionId });
    expect(shown.decision.id).toBe(pair.decisionId);
    // Verified again as it is read, against the decider's key in the colleague's keyring.
    expect(shown.signature).toEqual({ verified: true, keyId: shown.from.keyId, trustedComment: expect.stringContaining(`${pair.decisionId} sha256:${shown.decisionSha256}`), problem: null });
    expect(await colleague.code("getCountersignRequest", { decisionId: "D-404" })).toBe("countersign-request-not-found");
    expect(await colleague.code("answerCountersignRequest", { decisionId: pair.decisionId, verdict: "declined" })).toBe("decision-invalid");
    expect(colleague.door.asked).toEqual([]);
    const answered = await colleague.call<BundleSaved>("answerCountersignRequest", { decisionId: pair.decisionId, verdict: "signed" });
    expect(answered).toMatchObject({ saved: true, name: `${pair.decisionId}.CS.sealed`, sealedTo: "reviewer:zofia" });
    expect(await colleague.code("answerCountersignRequest", { decisionId: pair.decisionId, verdict: "signed" })).toBe("countersign-answered");

    const { token: back } = await decider.api.importFiles.register(join(reply, `${pair.decisionId}.CS.sealed`));
    expect(await decider.call("importBundles", { tokens: [back] })).toMatchObject([{ status: "imported", bundleType: "countersignature" }]);
    expect(await decider.call<DecisionView>("getDecision", { id: pair.decisionId })).toMatchObject({ status: "final", countersignatures: [{ id: `${pair.decisionId}.CS`, verdict: "signed" }] });
  });

  it("a cancelled dialog writes and records nothing", async () => {
    const decider = await tableFor(pair.decider.storeDir, recordingDoor(() => null));
    open.push(decider);
    const before = (await decider.call<unknown[]>("listAudit", { limit: 1000 })).length;
    expect(await decider.call<BundleSaved>("requestCountersignature", { decisionId: pair.decisionId, to: "reviewer:nikos" })).toEqual({ saved: false });
    expect(decider.door.asked).toEqual([`${pair.decisionId}.countersign.sealed`]);
    expect((await decider.call<unknown[]>("listAudit", { limit: 1000 })).length).toBe(before);
  });
});
