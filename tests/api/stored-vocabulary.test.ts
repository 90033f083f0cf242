// Terms read back from the store are narrowed to their vocabulary; one this version does not know
// is named in the error rather than passed on to the renderer as if it were valid.
import { describe, expect, it } from "vitest";
import { storedTerm } from "../../electron/core/requests/stored-vocabulary.js";
import { isInstrument } from "../../shared/vocabulary/instruments.js";

describe("storedTerm", () => {
  it("passes a known term through and names an unknown one", () => {
    expect(storedTerm(isInstrument, "mlat", "instrument")).toBe("mlat");
    expect(() => storedTerm(isInstrument, "letter-rogatory", "instrument")).toThrow('the store holds the instrument "letter-rogatory"');
  });
});
