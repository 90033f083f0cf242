// `npm start`: the desktop app. Builds the renderer and the shell, rebuilds the native store
// module for Electron (only when its ABI differs) and launches Electron. Where Electron's binary
// cannot be had (it downloads on first use, and some machines have no route to its host), it
// says so and starts the preview instead: the same UI and core, served on 127.0.0.1 to a
// browser, over a demo store it creates once.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectDir = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { cwd: projectDir, stdio: "inherit", ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/** The Electron binary's path, downloading it on first use; null where that cannot be done. */
function electronBinary() {
  const probe = spawnSync(process.execPath, ["-e", "process.stdout.write(require('electron'))"], {
    cwd: projectDir,
    encoding: "utf8",
    timeout: 300_000,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const binary = probe.stdout.trim();
  return probe.status === 0 && binary !== "" && existsSync(binary) ? binary : null;
}

const demoDir = path.join(homedir(), ".cache", "counterseal", "demo");

/** A demo store (12 realistic requests) with its passphrase beside it; created once. */
function ensureDemoStore() {
  const storeDir = path.join(demoDir, "store");
  const passphraseFile = path.join(demoDir, "passphrase.txt");
  if (!existsSync(passphraseFile) || !existsSync(path.join(storeDir, "counterseal.db"))) {
    mkdirSync(demoDir, { recursive: true, mode: 0o700 });
    // Demo data only, but the passphrase rule is the real one: a random one, written down.
    const passphrase = `demo-${randomBytes(12).toString("base64url")}`;
    console.log(`Creating a demo store in ${storeDir}…`);
    run(process.execPath, [path.join(projectDir, "dist", "electron", "cli", "main.js"), "demo", "--store", storeDir], {
      env: { ...process.env, COUNTERSEAL_PASSPHRASE: passphrase },
    });
    writeFileSync(passphraseFile, `${passphrase}\n`, { mode: 0o600 });
  }
  return { storeDir, passphrase: readFileSync(passphraseFile, "utf8").trim() };
}

const binary = electronBinary();
if (binary !== null) {
  run(npm, ["run", "build:renderer"]);
  run(npm, ["run", "build:app"]);
  run(process.execPath, [path.join(projectDir, "scripts", "ensure-native.mjs"), "electron"]);
  run(binary, ["."]);
} else {
  console.log(
    "Electron's binary is not installed and could not be downloaded on this machine, so the app\n" +
      "cannot open its own window here. Starting the preview instead: the same screens and core,\n" +
      "in a browser on this machine, over a demo store.",
  );
  run(npm, ["run", "build:renderer"]);
  if (!existsSync(path.join(projectDir, "dist", "electron", "cli", "main.js"))) run(npm, ["run", "build:node"]);
  const { storeDir, passphrase } = ensureDemoStore();
  console.log(`The demo store's passphrase: ${passphrase}`);
  run(process.execPath, [path.join(projectDir, "scripts", "preview.mjs"), "--store", storeDir]);
}
