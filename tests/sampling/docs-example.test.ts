// docs/audit-sampling.md's worked example: Counterseal draws exactly the numbers on the page from
// its frame and seed, and the page's Python program (run with the real python3) agrees.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { drawSample, frameText } from "../../shared/sampling/selection.js";
import { REPO_ROOT } from "../helpers/builds.js";
import { suiteTempFolder } from "../helpers/temp.js";

const page = readFileSync(join(REPO_ROOT, "docs/audit-sampling.md"), "utf8");

function block(info: string): string {
  const match = page.match(new RegExp("```" + info + "\\n([\\s\\S]*?)```"));
  if (match?.[1] === undefined) throw new Error(`docs/audit-sampling.md has no \`\`\`${info} block`);
  return match[1];
}

const frame = block("text frame");
const draw = new Map(
  block("text draw")
    .trimEnd()
    .split("\n")
    .map((line) => {
      const [name = "", ...values] = line.split(/\s+/);
      return [name, values] as const;
    }),
);
const seed = draw.get("seed")?.[0] ?? "";
const sample = draw.get("sample") ?? [];

describe("the worked example of docs/audit-sampling.md", () => {
  const temp = suiteTempFolder("sampling-docs");
  afterAll(() => temp.remove());

  it("is ten references already in frame order", () => {
    const references = frame.trimEnd().split("\n");
    expect(references).toHaveLength(10);
    expect(frameText(references)).toBe(frame);
  });

  it("is what drawSample draws", () => {
    const references = frame.trimEnd().split("\n");
    // Given out of order: the frame sorts them.
    const drawn = drawSample({ members: [...references].reverse().map((reference) => ({ reference, stratum: "all" })), seed, size: sample.length });
    expect(drawn.frameHash).toBe(draw.get("frameHash")?.[0]);
    expect(drawn.seed).toBe(seed);
    expect(drawn.population).toBe(10);
    expect(drawn.sample).toEqual(sample);
    expect(drawn.spares).toEqual(draw.get("spares"));
  });

  it("is what the page's Python program prints", () => {
    const program = join(temp.dir, "draw.py");
    const frameFile = join(temp.dir, "frame.txt");
    writeFileSync(program, block("python draw.py"));
    writeFileSync(frameFile, frame);
    const printed = execFileSync("python3", [program, frameFile, seed, String(sample.length)], { encoding: "utf8" });
    const expected = block("text draw").split("\n").filter((line) => !line.startsWith("seed ")).join("\n");
    expect(printed).toBe(expected);
  });

  it("names the HMACs of the first three in the text", () => {
    expect(page).toContain("`0da162d2…`");
    expect(page).toContain("`1cc7b840…`");
    expect(page).toContain("`4135fd3c…`");
  });
});
