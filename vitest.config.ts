import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Builds the CLI and the renderer once per run, when the selected tests need them.
    globalSetup: ["tests/global-setup.ts"],
    pool: "forks",
    // Interop and crash tests spawn real age/minisign processes; give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
