// The review capability through the dispatcher, as the renderer calls it: every answer is checked
// against the contract's strict schemas, refusals arrive with their codes, and every request of
// the demo store has a review view the contract accepts.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import { sealBundle } from "../../electron/core/bundles/seal-bundle.js";
import { encodePublicKey, generateMinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { buildDemoStore } from "../../electron/core/demo/demo-store.js";
import type { InboxPage } from "../../shared/api/requests.js";
import type { ReviewView, StoreClock } from "../../shared/api/review.js";
import { TEST_PASSPHRASE } from "../helpers/passphrases.js";
import { testRuntime } from "../helpers/runtime.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { fileTempFolder, tempFolder } from "../helpers/temp.js";
import { writeFileSync } from "node:fs";
import { noSaving } from "./doors.js";
import { dispatching } from "./dispatching.js";

const T = new Date("2026-11-27T12:00:00Z");

function openApi(storeDir: string) {
  const runtime = testRuntime(T);
  const table = createApiHandlers({ storeDir, runtime, files: noSaving });
  const { call, code } = dispatching(table);
  return { table, runtime, call, code };
}

/** A new office through the API, with the sample issuer trusted and one order imported. */
async function officeWithOrder() {
  const dir = tempFolder();
  const api = openApi(join(dir, "store"));
  await api.call("createStore", { reviewerName: "Ada Reviewer", office: "Office of the Commissioner", passphrase: TEST_PASSPHRASE });
  const issuer = generateMinisignKeyPair(api.runtime.ids.randomBytes);
  await api.call("addAuthorityKey", { authorityId: SAMPLE_AUTHORITY.id, name: SAMPLE_AUTHORITY.name, country: SAMPLE_AUTHORITY.country, minisignPublicKey: encodePublicKey(issuer) });
  const recipient = ((await api.call<{ ageRecipients: string[] }>("getIdentity")).ageRecipients[0]) ?? "";
  const document = sampleRequest({ retentionDays: 120 });
  const stream = await sealBundle({
    bundleType: "request",
    documentBytes: new TextEncoder().encode(JSON.stringify(document)),
    identifier: { authority: SAMPLE_AUTHORITY.id, id: String(document["id"]), revision: 1 },
    sourceOrganization: SAMPLE_AUTHORITY.name,
    attachments: [],
    signer: issuer,
    recipients: [recipient],
    armor: false,
    now: api.runtime.clock.now(),
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  const file = join(dir, "order.sealed");
  writeFileSync(file, Buffer.concat(chunks));
  const { token } = await api.table.importFiles.register(file);
  await api.call("importBundles", { tokens: [token] });
  return { api, ref: { authority: SAMPLE_AUTHORITY.id, id: String(document["id"]), revision: 1 } };
}

describe("the review API", () => {
  let demoDir: string;
  beforeAll(async () => {
    demoDir = join(fileTempFolder("review-api"), "store");
    await buildDemoStore(demoDir, TEST_PASSPHRASE, testRuntime(T));
  }, 60_000);

  it("is locked until unlocked, then answers a view the contract accepts for every demo request", async () => {
    const api = openApi(demoDir);
    expect(await api.code("getReview", { authority: "x", id: "y", revision: 1 })).toBe("locked");
    expect(await api.code("listClocks", {})).toBe("locked");
    await api.call("unlock", { passphrase: TEST_PASSPHRASE });
    const inbox = await api.call<InboxPage>("queryInbox", { offset: 0, limit: 500, sort: { field: "nextDeadline", direction: "asc" } });
    expect(inbox.rows.length).toBeGreaterThan(5);
    const dues = inbox.rows.map((row) => row.nextDeadline?.due ?? null);
    const withDue = dues.filter((due): due is string => due !== null);
    expect(withDue).toEqual([...withDue].sort());
    expect(dues.slice(withDue.length).every((due) => due === null)).toBe(true);
    for (const row of inbox.rows) {
      const view = await api.call<ReviewView>("getReview", { authority: row.authority, id: row.id, revision: row.revision });
      expect(view.request).toEqual({ authority: row.authority, id: row.id, revision: row.revision });
      expect(view.template.id).toBe(`${row.instrument}@2026.1`);
    }
    const clocks = await api.call<StoreClock[]>("listClocks");
    expect(clocks.length).toBeGreaterThan(0);
    expect(clocks.map((clock) => clock.due)).toEqual(clocks.map((clock) => clock.due).sort());
    expect(clocks.every((clock) => clock.state !== "met")).toBe(true);
    api.table.close();
  });

  it("changes a review call by call and refuses bad arguments and bad changes with their codes", async () => {
    const { api, ref } = await officeWithOrder();
    expect(await api.code("setAnswer", { ...ref, item: "L1", answer: "maybe" })).toBe("invalid-arguments");
    expect(await api.code("setAnswer", { ...ref, item: "L1", answer: "met" })).toBe("independence-required");
    expect(await api.code("reviewFinding", { ...ref, rule: "M4-retention", status: "overridden", note: "" })).toBe("invalid-arguments");
    expect(await api.code("getReview", { ...ref, revision: 0 })).toBe("invalid-arguments");
    expect(await api.code("getReview", { ...ref, revision: 9 })).toBe("request-not-found");

    let view = await api.call<ReviewView>("declareIndependence", { ...ref, conflict: false });
    expect(view.state).toBe("in-review");
    expect(await api.code("setAnswer", { ...ref, item: "L99", answer: "met" })).toBe("review-item-unknown");
    view = await api.call<ReviewView>("setAnswer", { ...ref, item: "L1", answer: "met", note: "Art 5.", evidence: [{ kind: "field", path: "$.legalBasis[0].citation" }] });
    expect(view.items.find((item) => item.id === "L1")).toMatchObject({ answer: "met", note: "Art 5.", evidence: [{ kind: "field", path: "$.legalBasis[0].citation" }] });
    view = await api.call<ReviewView>("reviewFinding", { ...ref, rule: "N7-less-intrusive-means", status: "accepted", note: "The issuer must say why subscriber data would not do." });
    expect(view.items.find((item) => item.id === "N7")?.findings[0]?.status).toBe("accepted");
    expect(await api.code("changeScope", { ...ref, change: { op: "set-retention", days: 200 } })).toBe("scope-refused");
    expect(await api.code("changeScope", { ...ref, change: { op: "set-period", period: { from: "2026-08-01T00:00:00+02:00", to: "2026-10-01T00:00:00+02:00" } } })).toBe("scope-refused");
    view = await api.call<ReviewView>("changeScope", { ...ref, change: { op: "set-retention", days: 60 } });
    expect(view.grantedScope.retentionDays).toBe(60);
    expect(await api.code("confirmCarriedOver", { ...ref, items: ["L2"] })).toBe("nothing-carried-over");

    const inbox = await api.call<InboxPage>("queryInbox", { offset: 0, limit: 10, sort: { field: "nextDeadline", direction: "asc" } });
    expect(inbox.rows[0]).toMatchObject({ status: "in-review", nextDeadline: { kind: "provider-deadline", due: "2026-11-30T08:15:00.000Z" } });
    const clocks = await api.call<StoreClock[]>("listClocks");
    expect(clocks.map((clock) => [clock.kind, clock.state])).toEqual([
      ["provider-deadline", "running"],
      ["objection-window", "running"],
    ]);
    api.table.close();
  });
});
