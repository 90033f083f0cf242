// Copies a public value (a key, a recipient) for handing to issuers. The shell denies every
// permission, so the Clipboard API may refuse; the older copy command works from a click.
import { useTranslation } from "react-i18next";
import { announce } from "../store/announcer.js";
import { Icon } from "./Icon.js";

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    area.remove();
    return copied;
  }
}

export function CopyButton({ text, what }: { text: string; what: string }) {
  const { t } = useTranslation();
  const onClick = async () => {
    const active = document.activeElement;
    const copied = await copyText(text);
    if (active instanceof HTMLElement) active.focus();
    announce(copied ? t("keyring.copied", { what }) : t("keyring.copyFailed"), copied ? "polite" : "assertive");
  };
  return (
    <button type="button" className="button button-small" onClick={() => void onClick()} aria-label={t("keyring.copyLabel", { what })}>
      <Icon name="copy" />
      {t("keyring.copy")}
    </button>
  );
}
