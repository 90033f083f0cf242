// The contract is the capability files merged: its method names are what every door and caller
// relies on, and two capabilities may not claim one name. The vocabularies' guards accept their
// values and nothing else.
import { EXECUTION_OUTCOMES, isExecutionOutcome, isNonComplianceGround, NON_COMPLIANCE_GROUNDS } from "../../shared/vocabulary/execution-outcomes.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiContract, apiMethods } from "../../shared/api/contract.js";
import { keyringMethods } from "../../shared/api/keyring.js";
import { mergeCapabilities, method, none } from "../../shared/api/method.js";
import { requestMethods } from "../../shared/api/requests.js";
import { storeMethods } from "../../shared/api/store.js";
import { AUTHORITY_KINDS, isAuthorityKind } from "../../shared/vocabulary/authority-kinds.js";
import { DATA_CATEGORIES, isDataCategory } from "../../shared/vocabulary/data-categories.js";
import { DECISION_OUTCOMES, isDecisionOutcome } from "../../shared/vocabulary/decision-outcomes.js";
import { GRIEVANCE_OUTCOMES, isGrievanceOutcome } from "../../shared/vocabulary/grievance-outcomes.js";
import { INSTRUMENTS, isInstrument } from "../../shared/vocabulary/instruments.js";
import { isRefusalCode, REFUSAL_CODES } from "../../shared/vocabulary/refusal-codes.js";
import { isRequestStatus, REQUEST_STATUSES } from "../../shared/vocabulary/request-statuses.js";
import { isTargetKind, isTargetRole, TARGET_KINDS, TARGET_ROLES } from "../../shared/vocabulary/targets.js";
import { isUrgencyLevel, URGENCY_LEVELS } from "../../shared/vocabulary/urgencies.js";

describe("the API contract", () => {
  it("keeps its method names, each from exactly one capability", () => {
    expect(apiMethods).toEqual([
      "getStoreStatus", "createStore", "unlock", "lock", "changePassphrase", "getSettings", "updateSettings",
      "getIdentity", "addAgeIdentities", "listKeyring", "addAuthorityKey", "revokeKey",
      "importBundles", "getImportProgress", "queryInbox", "getRequest", "readAttachment", "saveAttachment",
      "saveOriginal", "listAudit", "verifyAudit",
      "getReview", "declareIndependence", "setAnswer", "confirmCarriedOver", "reviewFinding", "changeScope", "listClocks",
      "listGrievances", "getGrievance", "registerGrievance", "respondToGrievance", "exportGrievanceResponse",
      "listDecisions", "getDecision", "decide", "draftReasons", "previewDecision", "exportDecision",
      "getRetention", "updateRetentionRule", "deleteDueCases",
      "listCountersignRequests", "getCountersignRequest", "listCountersignRequestsSent", "requestCountersignature", "answerCountersignRequest",
      "listExecutions", "recordExecution", "getExecutionClock",
      "getTransparencyReport", "getReportSettings", "updateReportSettings", "exportTransparencyReport",
      "getStoreMode", "listAuditPacks", "getAuditPack", "importAuditPack", "recordAuditorFinding", "listAuditorFindings", "getAuditEvaluation",
      "exportFindingsReport",
    ]);
    expect(apiContract.getRequest).toBe(requestMethods.getRequest);
    expect(apiContract.listKeyring).toBe(keyringMethods.listKeyring);
    expect(apiContract.unlock).toBe(storeMethods.unlock);
  });

  it("refuses two capabilities that claim the same method, naming it", () => {
    const one = { ping: method(none, z.null()) };
    const other = { ping: method(none, z.string()), pong: method(none, z.null()) };
    expect(() => mergeCapabilities(one, other)).toThrow("two API capabilities both define the method ping");
    expect(Object.keys(mergeCapabilities(one, { pong: other.pong }))).toEqual(["ping", "pong"]);
  });
});

describe("the vocabularies", () => {
  const vocabularies: [string, readonly string[], (value: unknown) => boolean][] = [
    ["instruments", INSTRUMENTS, isInstrument],
    ["urgency levels", URGENCY_LEVELS, isUrgencyLevel],
    ["data categories", DATA_CATEGORIES, isDataCategory],
    ["authority kinds", AUTHORITY_KINDS, isAuthorityKind],
    ["target kinds", TARGET_KINDS, isTargetKind],
    ["target roles", TARGET_ROLES, isTargetRole],
    ["request statuses", REQUEST_STATUSES, isRequestStatus],
    ["refusal codes", REFUSAL_CODES, isRefusalCode],
    ["decision outcomes", DECISION_OUTCOMES, isDecisionOutcome],
    ["grievance outcomes", GRIEVANCE_OUTCOMES, isGrievanceOutcome],
    ["execution outcomes", EXECUTION_OUTCOMES, isExecutionOutcome],
    ["non-compliance grounds", NON_COMPLIANCE_GROUNDS, isNonComplianceGround],
  ];

  it.each(vocabularies)("%s: the guard accepts every value and nothing else", (_name, values, guard) => {
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(guard(value), value).toBe(true);
    for (const other of ["", "made-up", values[0]?.toUpperCase(), ` ${values[0]}`, undefined, null, 1, {}, ["mlat"]]) {
      expect(guard(other), String(other)).toBe(false);
    }
  });

  it("orders data categories least to most intrusive and names the decision and grievance outcomes", () => {
    expect(DATA_CATEGORIES).toEqual(["subscriber", "identification", "device-logs", "traffic", "location", "content"]);
    expect(DECISION_OUTCOMES).toEqual(["authorised", "authorised-with-modifications", "refused", "returned"]);
    expect(GRIEVANCE_OUTCOMES).toEqual(["upheld", "partly-upheld", "dismissed", "referred"]);
    expect(EXECUTION_OUTCOMES).toEqual(["complied", "complied-in-part", "not-complied", "enforcing-state-objected"]);
    expect(NON_COMPLIANCE_GROUNDS).toEqual(["no-data", "wrong-identifier", "overbroad", "conflict-of-laws", "other"]);
  });
});
