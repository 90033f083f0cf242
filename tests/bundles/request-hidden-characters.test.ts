// What the reviewer reads is what is stored: identifiers in the request document refuse
// invisible format, bidi and control characters, naming the field and the character position;
// free text keeps them (the renderer marks them); mixed scripts are found for a warning.
import { describe, expect, it } from "vitest";
import { describeCodePoint, findForbiddenInIdentifier, mixedScripts, scriptsOf } from "../../shared/formats/invisible-characters.js";
import { parseRequestDocument } from "../../shared/formats/request.js";
import { sampleRequest } from "../helpers/sample-request.js";

function issuesWith(change: (document: Record<string, unknown>) => void): string[] {
  const document = structuredClone(sampleRequest({ relatedRequests: ["OM-RTM-2026-0001"], caseReference: "RTM-2026/17" })) as Record<string, unknown>;
  change(document);
  const result = parseRequestDocument(document);
  return result.ok ? [] : result.issues;
}

const at = (document: Record<string, unknown>, ...path: (string | number)[]): Record<string | number, unknown> =>
  path.reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, document);

// One of each class the issue names, inside an otherwise ordinary value.
const CLASSES: readonly (readonly [string, string])[] = [
  ["a bidi override (U+202E)", "\u202E"],
  ["a bidi embedding (U+202A)", "\u202A"],
  ["a bidi isolate (U+2066)", "\u2066"],
  ["a pop isolate (U+2069)", "\u2069"],
  ["a zero-width space (U+200B)", "\u200B"],
  ["a zero-width joiner (U+200D)", "\u200D"],
  ["a byte order mark (U+FEFF)", "\uFEFF"],
  ["a word joiner (U+2060)", "\u2060"],
  ["a soft hyphen (U+00AD, category Cf)", "\u00AD"],
  ["a tag character (U+E0041, category Cf, outside the BMP)", "\u{E0041}"],
  ["a control character (U+0007)", "\u0007"],
  ["a line separator (U+2028)", "\u2028"],
];

describe("identifiers refuse hidden characters, naming the field and the position", () => {
  it.each(CLASSES)("a target value with %s", (_name, hidden) => {
    const codePoint = hidden.codePointAt(0) ?? 0;
    const issues = issuesWith((document) => {
      at(document, "targets", 0)["value"] = `+3161${hidden}2345678`;
    });
    expect(issues).toEqual([
      `$.targets[0].value: contains ${describeCodePoint(codePoint)} at character 6: identifiers must not contain invisible format, bidi or control characters, which make them display differently from what they are`,
    ]);
  });

  it.each([
    ["the document id", ["id"], "$.id"],
    ["the issuing authority's id", ["issuingAuthority", "id"], "$.issuingAuthority.id"],
    ["the case reference", ["caseReference"], "$.caseReference"],
    ["a related request", ["relatedRequests", 0], "$.relatedRequests[0]"],
    ["an attachment path", ["attachments", 0, "path"], "$.attachments[0].path"],
  ] as const)("%s", (_name, path, jsonPath) => {
    const issues = issuesWith((document) => {
      document["attachments"] = [{ path: "attachments/order.pdf", title: "Order", mediaType: "application/pdf" }];
      const parent = at(document, ...path.slice(0, -1));
      const key = path[path.length - 1] ?? "";
      parent[key] = `\u202E${String(parent[key])}`;
    });
    expect(issues[0]).toBe(`${jsonPath}: contains U+202E RIGHT-TO-LEFT OVERRIDE at character 1: identifiers must not contain invisible format, bidi or control characters, which make them display differently from what they are`);
  });

  it("counts the position in characters, not UTF-16 units", () => {
    expect(findForbiddenInIdentifier("𝐀𝐁\u200Bc")).toEqual({ codePoint: 0x200b, position: 3 });
    expect(findForbiddenInIdentifier("plain-value_1.2:3")).toBeNull();
  });

  it("leaves free text alone: a reviewer sees it marked, not refused", () => {
    expect(
      issuesWith((document) => {
        document["facts"] = "The account name is written \u202Eright to left\u202C in the threat.";
        at(document, "issuingAuthority")["name"] = "Openbaar Ministerie\u200B Rotterdam";
      }),
    ).toEqual([]);
  });

  it("accepts ordinary identifiers in any one script, with joiners that are not hidden", () => {
    expect(
      issuesWith((document) => {
        at(document, "targets", 0)["value"] = "пользователь@почта.рф";
        at(document, "issuingAuthority")["id"] = "de-ag-münchen";
      }),
    ).toEqual([]);
  });
});

describe("mixed scripts", () => {
  it("finds Latin mixed with a Cyrillic or Greek lookalike", () => {
    expect(mixedScripts("pаypal.com")).toEqual(["Latin", "Cyrillic"]); // the "а" is U+0430
    expect(mixedScripts("miсrosoft")).toEqual(["Latin", "Cyrillic"]);
    expect(mixedScripts("αpple.example")).toEqual(["Greek", "Latin"]);
  });

  it("is quiet for one script, digits and punctuation, and for Japanese", () => {
    expect(mixedScripts("paypal.com")).toBeNull();
    expect(mixedScripts("почта.рф")).toBeNull();
    expect(mixedScripts("+31 6 12345678")).toBeNull();
    expect(scriptsOf("東京タワーのかぎ")).toEqual(["CJK"]);
  });
});
