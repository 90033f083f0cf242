// Request text shown so that what the reviewer reads is what is stored (visible-text.ts): hidden
// characters as visible tokens, every value in its own <bdi> so right-to-left text cannot
// reorder the labels and values around it, and identifiers that mix scripts flagged.
import { useTranslation } from "react-i18next";
import { mixedScripts } from "../../../../shared/formats/invisible-characters.js";
import { markHiddenCharacters } from "./visible-text.js";

/** Free text: a name, a citation, a paragraph. */
export function VisibleText({ text }: { text: string }) {
  return (
    <bdi>
      {markHiddenCharacters(text).map((piece, index) =>
        piece.kind === "text" ? (
          piece.text
        ) : (
          <abbr key={index} className="hidden-char" title={piece.description}>
            {piece.token}
          </abbr>
        ),
      )}
    </bdi>
  );
}

/** An identifier (a target value, an authority id, a reference), in code, with a warning when it mixes scripts. */
export function VisibleIdentifier({ value, wrap = false }: { value: string; wrap?: boolean }) {
  const { t } = useTranslation();
  const scripts = mixedScripts(value);
  return (
    <>
      <code className={wrap ? "wrap" : undefined}>
        <VisibleText text={value} />
      </code>
      {scripts ? (
        <span className="mixed-scripts" role="note">
          {t("request.mixedScripts", { scripts: scripts.join(", ") })}
        </span>
      ) : null}
    </>
  );
}
