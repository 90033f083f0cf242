// Everything that must happen before Electron's `ready` event. index.ts imports this module
// FIRST: ES modules evaluate in import order, so these calls run during start-up even if a later
// module (core's crypto, say) awaits at top level and lets `ready` fire meanwhile.
import { app, protocol } from "electron";
import { defaultUserDataDir } from "../core/store-location.js";
import { PRODUCT_NAME } from "./product.js";
import { appSchemePrivileges } from "./security/app-scheme.js";

// Privileges can only be granted before ready, and only once.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
// Every renderer in the OS sandbox, whatever a window's options say.
app.enableSandbox();
app.setName(PRODUCT_NAME);
// Chromium's profile and the store live where the CLI looks for them.
app.setPath("userData", defaultUserDataDir());

/** Two instances would open one encrypted store twice; the second hands over and quits. */
export const isPrimaryInstance = app.requestSingleInstanceLock();
if (!isPrimaryInstance) app.quit();
