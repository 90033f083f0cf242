// The in-app user guide: short how-tos and the keyboard shortcuts. No external links.
import { useTranslation } from "react-i18next";
import { isMac } from "../../app/platform.js";

const TOPICS = ["import", "trust", "share", "review", "workspace", "decide", "countersign", "grievance", "lock"] as const;
const KEYS = ["search", "import", "lock", "rows", "open", "back", "answer", "note", "move"] as const;

export function HelpScreen() {
  const { t } = useTranslation();
  const mac = isMac();
  const keys = (text: string) => (mac ? text.replace(/Ctrl\+/g, "⌘") : text);
  const jump = (id: string) => {
    const heading = document.getElementById(id);
    heading?.scrollIntoView({ block: "start" });
    heading?.focus({ preventScroll: true });
  };
  return (
    <div className="screen screen-help">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t("help.title")}</h1>
      </div>
      <p className="lead">{t("help.intro")}</p>
      {/* The guide is longer than a window: these jump to each part (and give the page a keyboard way in). */}
      <nav className="section-nav" aria-label={t("help.contents")}>
        <ul>
          {[...TOPICS.map((topic) => ({ id: `help-${topic}`, label: t(`help.topics.${topic}Title`) })), { id: "help-keys", label: t("help.shortcuts") }].map((entry) => (
            <li key={entry.id}>
              <button type="button" className="link-button" onClick={() => jump(entry.id)}>
                {entry.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {TOPICS.map((topic) => (
        <section key={topic} className="panel" aria-labelledby={`help-${topic}`}>
          <h2 id={`help-${topic}`} tabIndex={-1}>
            {t(`help.topics.${topic}Title`)}
          </h2>
          <p>{t(`help.topics.${topic}Body`)}</p>
        </section>
      ))}
      <section className="panel" aria-labelledby="help-keys">
        <h2 id="help-keys" tabIndex={-1}>
          {t("help.shortcuts")}
        </h2>
        <dl className="shortcut-list">
          {KEYS.map((key) => (
            <div key={key} className="shortcut">
              <dt>{t(`help.keys.${key}`)}</dt>
              <dd>
                <kbd>{keys(t(`help.keys.${key}Keys`))}</kbd>
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
