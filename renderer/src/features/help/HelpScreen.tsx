// The in-app user guide: short how-tos and the keyboard shortcuts. No external links.
import { useTranslation } from "react-i18next";
import { isMac } from "../../app/platform.js";

const TOPICS = ["import", "trust", "share", "review", "workspace", "lock"] as const;
const KEYS = ["search", "import", "lock", "rows", "open", "back", "answer", "note", "move"] as const;

export function HelpScreen() {
  const { t } = useTranslation();
  const mac = isMac();
  const keys = (text: string) => (mac ? text.replace(/Ctrl\+/g, "⌘") : text);
  return (
    <div className="screen screen-help">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t("help.title")}</h1>
      </div>
      <p className="lead">{t("help.intro")}</p>
      {TOPICS.map((topic) => (
        <section key={topic} className="panel" aria-labelledby={`help-${topic}`}>
          <h2 id={`help-${topic}`}>{t(`help.topics.${topic}Title`)}</h2>
          <p>{t(`help.topics.${topic}Body`)}</p>
        </section>
      ))}
      <section className="panel" aria-labelledby="help-keys">
        <h2 id="help-keys">{t("help.shortcuts")}</h2>
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
