// The store keeps instruments, urgencies and categories as text, written only after the request
// document was verified against the same vocabularies; reading one back narrows it to its type,
// and a value this version does not know is a fault worth naming, not something to pass on.
export function storedTerm<T extends string>(isTerm: (value: unknown) => value is T, value: string, what: string): T {
  if (!isTerm(value)) throw new Error(`the store holds the ${what} "${value}", which this version of Counterseal does not know`);
  return value;
}
