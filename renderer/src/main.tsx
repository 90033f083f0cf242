// Entry point: set up strings, connect the mock core in "mock" builds only, and render.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.js";
import { initI18n } from "./i18n/index.js";
import "./styles/app.css";

async function start(): Promise<void> {
  // Statically false in production builds, so the mock is not even bundled there.
  if (import.meta.env.MODE === "mock") {
    const { installMockBridge } = await import("../dev/mock-bridge.js");
    installMockBridge();
  }
  await initI18n();
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root");
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
