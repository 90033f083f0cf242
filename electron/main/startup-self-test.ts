// The app refuses to open a store if its crypto does not work in this runtime (Electron's
// BoringSSL lacks primitives that Node's OpenSSL has). This reads the self-test's verdict:
// a throw, `false`, or `{ ok: false }` is a failure; anything else passes.

export type SelfTestVerdict = { ok: true } | { ok: false; message: string };

const describe = (detail: unknown): string => {
  if (detail instanceof Error) return detail.message;
  if (typeof detail === "object" && detail !== null && "message" in detail && typeof detail.message === "string") return detail.message;
  return "the self-test reported a failure";
};

export async function runStartupSelfTest(selfTest: () => unknown): Promise<SelfTestVerdict> {
  let outcome: unknown;
  try {
    outcome = await selfTest();
  } catch (error) {
    return { ok: false, message: describe(error) };
  }
  if (outcome === false) return { ok: false, message: describe(outcome) };
  if (typeof outcome === "object" && outcome !== null && "ok" in outcome && outcome.ok === false) {
    return { ok: false, message: describe(outcome) };
  }
  return { ok: true };
}

export function selfTestFailureText(message: string): string {
  return (
    `Counterseal's cryptography self-test failed, so no store was opened.\n\n${message}\n\n` +
    "Nothing was read or changed. Reinstall Counterseal from a trusted copy; if this keeps happening, report it with the message above."
  );
}
