// Fields shared by the documents the office signs (decisions, countersignatures, grievance
// responses) and by grievances. Strict like the request's: text is never blank, times are RFC
// 3339 with an offset, dates are calendar dates, digests are lower-case SHA-256 hex.
import { z } from "zod";

export const DOCUMENT_IDENTIFIER = /^[A-Za-z0-9._:-]{1,128}$/;

export const text = z.string().regex(/\S/, "must not be empty or only whitespace");
export const identifier = z.string().regex(DOCUMENT_IDENTIFIER, "expected 1 to 128 of A-Z a-z 0-9 . _ : -");
export const dateTime = z.iso.datetime({ offset: true, error: "expected an RFC 3339 date-time with seconds and an offset, e.g. 2024-06-01T09:30:00+02:00" });
export const civilDate = z.iso.date({ error: "expected a calendar date of the form YYYY-MM-DD" });
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "expected a SHA-256 digest: 64 lower-case hexadecimal digits");
/** A minisign key id as minisign prints it: upper-case hex, leading zeros dropped. */
export const keyId = z.string().regex(/^[1-9A-F][0-9A-F]{0,15}$|^0$/, "expected a minisign key id as minisign prints it: upper-case hexadecimal, no leading zeros");

/** The reviewer who signs: their name, their office and the key id their signature names. */
export const signerSchema = z.strictObject({ name: text, office: text, keyId });
export type Signer = z.infer<typeof signerSchema>;

/** A stored request, named as sealed-bundle-v1 names it, with the digest of the bundle reviewed. */
export const requestReferenceSchema = z.strictObject({
  authority: text,
  id: identifier,
  revision: z.number().int().min(1),
  bundleDigest: sha256Hex,
});
export type RequestReference = z.infer<typeof requestReferenceSchema>;

/** Instants in order, to the millisecond (documents carry whole seconds in practice). */
export const notBefore = (later: string, earlier: string): boolean => Date.parse(later) >= Date.parse(earlier);

/** Issues for values listed twice in what is meant as a set, each at the later index. */
export function duplicatesIn(values: readonly string[], ctx: z.RefinementCtx, path: readonly PropertyKey[], what: string): void {
  values.forEach((value, index) => {
    if (values.indexOf(value) !== index) ctx.addIssue({ code: "custom", path: [...path, index], message: `"${value}" is listed twice; ${what} is a set` });
  });
}
