// Entry point: set up strings and render.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.js";
import { initI18n } from "./i18n/index.js";
import "./styles/app.css";
import "./styles/review.css";
import "./styles/review-items.css";
import "./styles/review-scope.css";
import "./styles/decisions.css";
import "./styles/auditor.css";

async function start(): Promise<void> {
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
