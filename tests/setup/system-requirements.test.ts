// `npm test` stops before any test when a Debian package the tests need is missing, naming the
// exact apt-get line; .ci/run installs what it lists.
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.resolve("scripts/system-requirements.mjs");

describe("system requirements", () => {
  it("passes on a machine with every package (this one)", () => {
    expect(execFileSync(process.execPath, [script, "--packages"], { encoding: "utf8" })).toBe("");
  });

  it("names each missing package and the apt-get line that installs them, and exits 1", () => {
    const result = spawnSync(process.execPath, [script], { encoding: "utf8", env: { PATH: "/nonexistent" } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("age: interop tests seal and open bundles with the real age");
    expect(result.stderr).toMatch(/sudo apt-get install -y age minisign tar coreutils poppler-utils\n/);
  });

  it("lists the missing packages one per line for .ci/run", () => {
    const listed = execFileSync(process.execPath, [script, "--packages"], { encoding: "utf8", env: { PATH: "/nonexistent" } });
    expect(listed.split("\n").filter(Boolean)).toEqual(["age", "minisign", "tar", "coreutils", "poppler-utils"]);
  });
});
