// The decision screen's preview and the exports of the decision and grievance pages, through the
// dispatcher as the page calls them: the preview is the copy's real PDF with nothing signed or
// stored; an export asks the door for a folder inside the call and answers names, never paths.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import type { FileDoor } from "../../electron/api/file-door.js";
import { changeScope } from "../../electron/core/review/review-service.js";
import type { DecisionPreview, DecisionSummary, DecisionView, DocumentExported, DraftedReasons } from "../../shared/api/decisions.js";
import type { ReviewerIdentity as Identity } from "../../shared/api/keyring.js";
import type { ReviewRef } from "../../shared/api/review.js";
import { letterGrievance } from "../grievances/fixtures.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { testRuntime } from "../helpers/runtime.js";
import { fileTempFolder } from "../helpers/temp.js";
import { openReviewOffice } from "../review/review-office.js";
import { REASONS, reviewedRequest } from "./decide-office.js";
import { folded, pdfText, stockVerify } from "./support.js";
import { dispatching } from "../api/dispatching.js";

describe("the decision preview and the exports through the API", () => {
  let storeDir = "";
  let ref: ReviewRef;
  let out = "";
  /** What the door answers next: a folder, or null for a cancelled dialog; and what it was asked. */
  const door = { answer: null as string | null, asked: [] as string[] };
  const files: FileDoor = {
    chooseSavePath: () => Promise.reject(new Error("exports choose folders")),
    chooseFolder: async (name) => {
      door.asked.push(name);
      return door.answer;
    },
  };
  const table = () => createApiHandlers({ storeDir, runtime: testRuntime(new Date("2026-11-27T12:00:00Z")), files });
  let api: ReturnType<typeof table>;
  const { call, refusal } = dispatching(() => api);
  const auditCount = async () => (await call<unknown[]>("listAudit", {})).length;

  beforeAll(async () => {
    const office = openReviewOffice();
    ref = await reviewedRequest(office, { answers: { L3: "not-met" } });
    changeScope(office.session, { ...ref, change: { op: "strike-category", category: "traffic" } });
    office.session.store.close();
    storeDir = office.storeDir;
    out = fileTempFolder("export-api");
    api = table();
    await call("unlock", { passphrase: STORE_PASSPHRASE });
  });
  afterAll(() => api.close());

  it("previews the refusal's PDF as the copy would print it, signing and storing nothing", async () => {
    const draft = await call<DraftedReasons>("draftReasons", ref);
    const before = await auditCount();
    expect(await refusal("previewDecision", { ...ref, outcome: "refused", reasons: { legality: draft.legality } })).toMatchObject({ code: "decision-reasons-required", message: expect.stringContaining("necessity, minimization") });
    expect((await refusal("previewDecision", { ...ref, outcome: "authorised", reasons: {} })).code).toBe("decision-invalid");
    expect(await refusal("previewDecision", { ...ref, outcome: "refused", reasons: REASONS, supersedes: "D-404" })).toMatchObject({ code: "decision-superseded", message: expect.stringContaining("holds no decision D-404") });

    const preview = await call<DecisionPreview>("previewDecision", { ...ref, outcome: "refused", reasons: { ...REASONS, legality: draft.legality } });
    const identity = await call<Identity>("getIdentity", {});
    expect(preview).toMatchObject({ decisionId: `${ref.authority}.${ref.id}.r1.D1`, outcome: "refused", reviewerKeyId: identity.reviewer.keyId, countersignaturesRequired: false });
    const pdf = join(out, "preview.pdf");
    writeFileSync(pdf, Buffer.from(preview.pdfBase64, "base64"));
    const text = folded(pdfText(pdf));
    expect(text).toContain(`Decision ${preview.decisionId}`);
    expect(text).toContain("(refused)");
    expect(text).toContain(`sha256:${preview.sha256}`);
    expect(text).toContain(`minisign -Vm ${preview.decisionId}.json -P `);
    expect(text).toContain("Łódź");

    expect(await call<DecisionSummary[]>("listDecisions")).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it("exports the signed decision into the folder the door chose, and only there", async () => {
    const decided = await call<DecisionView>("decide", { ...ref, outcome: "refused", reasons: REASONS, decisionId: "D-UI-1" });
    expect((await refusal("exportDecision", { id: "D-404", seal: false })).code).toBe("decision-not-found");
    expect(door.asked).toEqual([]);

    door.answer = null;
    expect(await call<DocumentExported>("exportDecision", { id: "D-UI-1", seal: false })).toEqual({ saved: false });
    expect(readdirSync(out)).toEqual(["preview.pdf"]);

    const folder = join(out, "court file");
    mkdirSync(folder);
    door.answer = folder;
    const sealed = await refusal("exportDecision", { id: "D-UI-1", seal: true });
    expect(sealed).toMatchObject({ code: "no-reply-recipient", message: expect.stringContaining("has no usable key with an age recipient") });
    expect(readdirSync(folder)).toEqual([]);

    const exported = await call<DocumentExported>("exportDecision", { id: "D-UI-1", seal: false });
    expect(exported).toEqual({ saved: true, folder: "court file", files: ["D-UI-1.json", "D-UI-1.json.minisig", "D-UI-1.pdf"], sealedTo: null, sha256: decided.sha256 });
    expect(door.asked).toEqual(["D-UI-1", "D-UI-1", "D-UI-1"]);
    expect(readdirSync(folder).sort()).toEqual(["D-UI-1.json", "D-UI-1.json.minisig", "D-UI-1.pdf"]);
    const identity = await call<Identity>("getIdentity", {});
    expect(stockVerify(join(folder, "D-UI-1.json"), identity.reviewer.minisignPublicKey).status).toBe(0);
    // Again into the same folder: refused, nothing replaced.
    expect((await refusal("exportDecision", { id: "D-UI-1", seal: false })).code).toBe("export-target-exists");
  });

  it("exports a grievance's response once it has one", async () => {
    await call("registerGrievance", { grievance: letterGrievance() });
    door.asked.length = 0;
    expect((await refusal("exportGrievanceResponse", { id: "G-2026-0001", seal: false })).code).toBe("grievance-unanswered");
    expect(door.asked).toEqual([]);
    await call("respondToGrievance", { id: "G-2026-0001", outcome: "dismissed", remedies: [], reasons: "Zakres był właściwy." });
    const folder = join(out, "response");
    mkdirSync(folder);
    door.answer = folder;
    expect((await refusal("exportGrievanceResponse", { id: "G-2026-0001", seal: true })).code).toBe("no-reply-recipient");
    const exported = await call<DocumentExported>("exportGrievanceResponse", { id: "G-2026-0001", seal: false });
    expect(exported).toMatchObject({ saved: true, folder: "response", files: ["G-2026-0001-R.json", "G-2026-0001-R.json.minisig", "G-2026-0001-R.pdf"], sealedTo: null });
    expect(door.asked).toEqual(["G-2026-0001-R", "G-2026-0001-R"]);
  });
});
