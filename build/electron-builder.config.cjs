// electron-builder 26 configuration. Plain data, so tests/shell can load and check it.
// Run with: electron-builder --config build/electron-builder.config.cjs --publish never
// CommonJS (.cjs) because the project's package.json says "type": "module".
/* global module */

/** @type {import("app-builder-lib").Configuration} */
module.exports = {
  appId: "org.counterseal.desktop",
  productName: "Counterseal",
  copyright: "Copyright © Counterseal contributors",

  directories: {
    // Not "dist": electron-builder excludes its output folder from the app, and dist/app is the app.
    output: "out/packages",
    buildResources: "build",
  },

  // The main script and preload are bundled by scripts/build-app.mjs, the renderer by Vite.
  // Production dependencies are added by electron-builder itself; the native store module is
  // the one the bundle needs at run time.
  // sodium-native carries prebuilt binaries for every platform it supports (18 MB); a desktop
  // package needs neither the mobile ones nor the builds for the Bare runtime.
  files: [
    "dist/app/**/*",
    "!dist/app/**/*.map",
    "package.json",
    "!node_modules/sodium-native/prebuilds/{android,ios}-*/**",
    "!node_modules/sodium-native/prebuilds/**/*.bare",
  ],

  asar: true,
  // A .node file cannot be loaded from inside an archive; Electron redirects to app.asar.unpacked.
  // sodium-native ships prebuilt N-API binaries (one per platform) that Electron loads as they are.
  asarUnpack: ["node_modules/better-sqlite3-multiple-ciphers/build/Release/*.node", "node_modules/sodium-native/prebuilds/**/*.node"],

  // Rebuild the native module against Electron's headers, from source: there is no prebuilt
  // binary to download on an air-gapped build, and a source build is the one we audit.
  npmRebuild: true,
  buildDependenciesFromSource: true,
  nodeGypRebuild: false,

  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },

  // No update server, no release upload: null switches publishing off explicitly. Left unset,
  // electron-builder would guess a provider from GH_TOKEN and friends and write app-update.yml.
  publish: null,

  linux: {
    target: ["AppImage", "deb"],
    category: "Office",
    maintainer: "Counterseal maintainers",
    synopsis: "Offline review of law-enforcement demands for data",
  },
  win: {
    target: ["nsis"],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // A reviewer's store holds their keys and decisions: uninstalling must never delete it.
    deleteAppDataOnUninstall: false,
  },
  mac: {
    target: ["dmg"],
    category: "public.app-category.productivity",
    hardenedRuntime: true,
  },
};
