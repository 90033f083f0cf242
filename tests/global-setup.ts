// Builds, once per vitest run and before any test fork starts, each output (tests/helpers/builds.ts)
// that the selected test files use and that is older than its sources. A run that selects no CLI
// or e2e test builds nothing.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { BUILT_OUTPUTS, isFresh, REPO_ROOT } from "./helpers/builds.js";

export default async function setup(project: TestProject): Promise<void> {
  // The file filters of `vitest run <filters>`; without any, every test file is selected.
  const filters = (project.vitest as { filenamePattern?: unknown }).filenamePattern;
  const selected = await project.vitest.globTestSpecifications(Array.isArray(filters) ? (filters as string[]) : undefined);
  const files = selected.map((specification) => path.relative(REPO_ROOT, specification.moduleId).split(path.sep).join("/"));
  for (const output of BUILT_OUTPUTS) {
    if (!files.some((file) => output.usedBy.test(file)) || isFresh(output)) continue;
    const started = Date.now();
    await output.build();
    console.info(`Built the ${output.name} for this run in ${String(Date.now() - started)} ms.`);
  }
}
