// The one membership test every vocabulary's type guard is built from. Plain TypeScript: the
// vocabularies are imported by the renderer, whose bundle must stay free of zod.

/** A type guard for `values`: true when `value` is one of them. */
export const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === "string" && (values as readonly string[]).includes(value);
