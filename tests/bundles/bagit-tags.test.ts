import { describe, expect, it } from "vitest";
import { parseBagitTxt } from "../../electron/core/bundles/bagit-declaration.js";
import { parseBagInfo, parseExternalIdentifier, parseTagFields } from "../../electron/core/bundles/bagit-tags.js";
import { BundleRefusal } from "../../electron/core/bundles/refusal.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof BundleRefusal) return { code: error.refusal, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parseBagitTxt", () => {
  it.each([
    "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
    "BagIt-Version: 1.0\r\nTag-File-Character-Encoding: UTF-8\r\n",
    "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8",
    "BagIt-Version: 1.0\nTag-File-Character-Encoding: utf-8\n",
  ])("reads %j", (text) => {
    expect(parseBagitTxt(utf8(text))).toEqual({ version: "1.0" });
  });

  it.each<[string, Uint8Array, string]>([
    ["a byte order mark", Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")), "bagit.txt starts with a byte order mark"],
    ["another version", utf8("BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"), "bagit.txt line 1: BagIt version 0.97 is not supported; bundles are BagIt 1.0"],
    ["a malformed version", utf8("BagIt-Version: .97\nTag-File-Character-Encoding: UTF-8\n"), 'bagit.txt line 1: expected "BagIt-Version: M.N", found "BagIt-Version: .97"'],
    ["a space before the colon", utf8("BagIt-Version : 1.0\nTag-File-Character-Encoding : UTF-8\n"), "line 1: expected"],
    ["a trailing space", utf8("BagIt-Version: 1.0 \nTag-File-Character-Encoding: UTF-8\n"), "line 1: expected"],
    ["another encoding", utf8("BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\n"), "bagit.txt line 2: tag files must be UTF-8, not ISO-8859-1"],
    ["a missing encoding line", utf8("BagIt-Version: 1.0\n"), "bagit.txt must have exactly two lines"],
    ["a third line", utf8("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nExtra: x\n"), "it has 3"],
    ["the lines swapped", utf8("Tag-File-Character-Encoding: UTF-8\nBagIt-Version: 1.0\n"), "line 1: expected"],
    ["bytes that are not UTF-8", Uint8Array.of(...utf8("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"), 0xc3), "bagit.txt is not UTF-8 text"],
  ])("refuses %s as bag-invalid", (_what, bytes, message) => {
    expect(refusal(() => parseBagitTxt(bytes))).toEqual({ code: "bag-invalid", message: expect.stringContaining(message) });
  });

  it("reads any M.N version outside the profile", () => {
    expect(parseBagitTxt(utf8("BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"), { profile: false })).toEqual({ version: "0.97" });
  });
});

const INFO = [
  "Bundle-Type: request",
  "Bundle-Version: 1",
  "External-Identifier: FR-PARQUET-PARIS/REQ-2024-0042/3",
  "Source-Organization: Parquet de Paris",
  "Bagging-Date: 2024-02-29",
  "Payload-Oxum: 1234.5",
];
const info = (...lines: string[]): Uint8Array => utf8(lines.join("\n") + "\n");

describe("parseBagInfo", () => {
  it("reads the spec's fields into a typed BagInfo", () => {
    expect(parseBagInfo(info(...INFO, "Contact-Name: A. Clerk"))).toEqual({
      bundleType: "request",
      bundleVersion: 1,
      externalIdentifier: { authorityId: "FR-PARQUET-PARIS", documentId: "REQ-2024-0042", revision: 3 },
      sourceOrganization: "Parquet de Paris",
      baggingDate: "2024-02-29",
      payloadOxum: { octets: 1234, count: 5 },
      fields: expect.arrayContaining([{ label: "Contact-Name", value: "A. Clerk", line: 7 }]),
    });
  });

  it("matches labels case-insensitively and ignores whitespace around them", () => {
    const lines = INFO.map((line) => line.toUpperCase().replace(/^([^:]+):/, "$1 :"));
    const parsed = parseBagInfo(info(...lines.slice(0, 1).map((l) => l.replace("REQUEST", "request")), ...lines.slice(1)));
    expect(parsed.bundleType).toBe("request");
    expect(parsed.sourceOrganization).toBe("PARQUET DE PARIS");
  });

  it("joins continuation lines (RFC 8493 §2.2.2) with a space", () => {
    const parsed = parseBagInfo(info(...INFO.slice(0, 3), "Source-Organization: Parquet", "  de", "\tParis", ...INFO.slice(4)));
    expect(parsed.sourceOrganization).toBe("Parquet de Paris");
  });

  it("reads CRLF line ends", () => {
    expect(parseBagInfo(utf8(INFO.join("\r\n") + "\r\n")).bundleType).toBe("request");
  });

  it("lets other labels repeat", () => {
    expect(parseBagInfo(info(...INFO, "Contact-Name: A", "Contact-Name: B", "X-Note: 1", "x-note: 2")).fields).toHaveLength(10);
  });

  it.each(["Bundle-Type", "Bundle-Version", "External-Identifier", "Source-Organization", "Bagging-Date", "Payload-Oxum"])(
    "refuses a bag-info.txt without %s",
    (label) => {
      expect(refusal(() => parseBagInfo(info(...INFO.filter((line) => !line.startsWith(label)))))).toEqual({
        code: "bag-invalid",
        message: `bag-info.txt: the required field ${label} is missing`,
      });
    },
  );

  it.each(["Bundle-Type: request", "bundle-version: 1", "Payload-Oxum: 1234.5", "Bag-Count: 1 of 1", "Bag-Size: 1 KB", "Bag-Group-Identifier: g"])(
    "refuses %j a second time",
    (line) => {
      const lines = [...INFO, line.startsWith("Bag-") ? line : "Contact-Name: x", line];
      expect(refusal(() => parseBagInfo(info(...lines)))).toMatchObject({ code: "bag-invalid", message: expect.stringMatching(/line \d+: .* appears a second time \(first on line \d+\)/) });
    },
  );

  it.each<[string, string, string]>([
    ["Bundle-Type: memo", "Bundle-Type", 'bag-info.txt line 1: Bundle-Type "memo" is not one of request, grievance, decision, grievance-response'],
    ["Bundle-Version: 2", "Bundle-Version", 'line 2: Bundle-Version "2" is not 1'],
    ["External-Identifier: REQ-2024-0042/3", "External-Identifier", "is not <authority id>/<document id>/<revision>"],
    ["External-Identifier: FR/REQ 42/3", "External-Identifier", "is not <authority id>/<document id>/<revision>"],
    ["External-Identifier: FR/REQ-42/0", "External-Identifier", "is not <authority id>/<document id>/<revision>"],
    ["External-Identifier: FR/REQ-42/01", "External-Identifier", "is not <authority id>/<document id>/<revision>"],
    ["Source-Organization:", "Source-Organization", "Source-Organization is empty"],
    ["Bagging-Date: 2023-02-29", "Bagging-Date", '"2023-02-29" is not a date written YYYY-MM-DD'],
    ["Bagging-Date: 1 June 2024", "Bagging-Date", "is not a date written YYYY-MM-DD"],
    ["Payload-Oxum: 1234", "Payload-Oxum", 'Payload-Oxum "1234" is not <octets>.<file count>'],
    ["Payload-Oxum: 12.3.4", "Payload-Oxum", "is not <octets>.<file count>"],
  ])("refuses %j", (line, label, message) => {
    const lines = INFO.map((existing) => (existing.startsWith(label) ? line : existing));
    expect(refusal(() => parseBagInfo(info(...lines)))).toEqual({ code: "bag-invalid", message: expect.stringContaining(message) });
  });

  it.each<[string, string[], string]>([
    ["a line without a colon", [...INFO, "just text"], 'bag-info.txt line 7: expected "Label: value", found "just text"'],
    ["an empty label", [...INFO, ": value"], "line 7: expected"],
    ["a continuation before any label", ["  orphan", ...INFO], "bag-info.txt line 1 continues a value, but no label comes before it"],
    ["an empty line", [...INFO.slice(0, 2), "", ...INFO.slice(2)], "bag-info.txt line 3 is empty"],
  ])("refuses %s", (_what, lines, message) => {
    expect(refusal(() => parseBagInfo(info(...lines)))).toEqual({ code: "bag-invalid", message: expect.stringContaining(message) });
  });

  it("refuses a byte order mark", () => {
    expect(refusal(() => parseBagInfo(Uint8Array.of(0xef, 0xbb, 0xbf, ...info(...INFO))))).toEqual({ code: "bag-invalid", message: "bag-info.txt starts with a byte order mark" });
  });
});

describe("parseExternalIdentifier", () => {
  it("takes the authority id as everything before the last two parts", () => {
    expect(parseExternalIdentifier("eu/FR/parquet/REQ.1:a_b-c/12")).toEqual({ authorityId: "eu/FR/parquet", documentId: "REQ.1:a_b-c", revision: 12 });
  });
});

describe("parseTagFields (any tag file in bag-info format)", () => {
  it("keeps labels as written and values trimmed", () => {
    expect(parseTagFields(utf8("Test-Tag : 3\nTest-Tag    :   5\n"))).toEqual([
      { label: "Test-Tag", value: "3", line: 1 },
      { label: "Test-Tag", value: "5", line: 2 },
    ]);
  });
});
