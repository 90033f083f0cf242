// The unlocked layout: skip link, header (who is signed in), left navigation with Lock, and the
// main region showing the current screen. Moves focus to the new screen's heading on navigation.
import { useEffect, useRef, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Icon, type IconName } from "../components/Icon.js";
import { AuditCaseScreen } from "../features/auditor/AuditCaseScreen.js";
import { AuditPackScreen } from "../features/auditor/AuditPackScreen.js";
import { AuditPacksScreen } from "../features/auditor/AuditPacksScreen.js";
import { DecideScreen } from "../features/decisions/DecideScreen.js";
import { DecisionScreen } from "../features/decisions/DecisionScreen.js";
import { DecisionsScreen } from "../features/decisions/DecisionsScreen.js";
import { CountersignRequestScreen } from "../features/countersign/CountersignRequestScreen.js";
import { CountersignRequestsScreen } from "../features/countersign/CountersignRequestsScreen.js";
import { GrievanceScreen } from "../features/grievances/GrievanceScreen.js";
import { GrievancesScreen } from "../features/grievances/GrievancesScreen.js";
import { NewGrievanceScreen } from "../features/grievances/NewGrievanceScreen.js";
import { HelpScreen } from "../features/help/HelpScreen.js";
import { ImportScreen } from "../features/import/ImportScreen.js";
import { InboxScreen } from "../features/inbox/InboxScreen.js";
import { KeyringScreen } from "../features/keyring/KeyringScreen.js";
import { RequestScreen } from "../features/request/RequestScreen.js";
import { RetentionScreen } from "../features/retention/RetentionScreen.js";
import { ReviewScreen } from "../features/review/ReviewScreen.js";
import { SettingsScreen } from "../features/settings/SettingsScreen.js";
import { StatisticsScreen } from "../features/statistics/StatisticsScreen.js";
import { useNavigation } from "../store/navigation.js";
import { useSession } from "../store/session.js";
import { lockNow } from "./lock-now.js";
import { isMac } from "./platform.js";
import { AUDITOR_HOME, isAuditorScreen, navSectionOf, routeHash, type Route } from "./routes.js";

const NAV_ITEMS: ReadonlyArray<{ screen: ReturnType<typeof navSectionOf>; icon: IconName }> = [
  { screen: "inbox", icon: "inbox" },
  { screen: "decisions", icon: "decision" },
  { screen: "grievances", icon: "grievance" },
  { screen: "countersign-requests", icon: "countersign" },
  { screen: "import", icon: "import" },
  { screen: "keyring", icon: "key" },
  { screen: "retention", icon: "clock" },
  { screen: "statistics", icon: "chart" },
  { screen: "settings", icon: "settings" },
  { screen: "help", icon: "help" },
];

/** An auditor's store: its packs, and nothing that changes case data (review, decide, import, retention). */
const AUDITOR_NAV_ITEMS: ReadonlyArray<{ screen: ReturnType<typeof navSectionOf>; icon: IconName }> = [
  { screen: "audit-packs", icon: "file" },
  { screen: "keyring", icon: "key" },
  { screen: "settings", icon: "settings" },
  { screen: "help", icon: "help" },
];

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case "inbox":
      return <InboxScreen />;
    case "import":
      return <ImportScreen />;
    case "keyring":
      return <KeyringScreen />;
    case "settings":
      return <SettingsScreen />;
    case "retention":
      return <RetentionScreen />;
    case "statistics":
      return <StatisticsScreen />;
    case "help":
      return <HelpScreen />;
    case "request":
      return <RequestScreen authority={route.authority} id={route.id} {...(route.revision === undefined ? {} : { revision: route.revision })} />;
    case "review":
      return <ReviewScreen reference={{ authority: route.authority, id: route.id, revision: route.revision }} />;
    case "decisions":
      return <DecisionsScreen />;
    case "decide":
      // Keyed by the route, so another revision (or another decision to supersede) starts a fresh form.
      return <DecideScreen key={routeHash(route)} reference={{ authority: route.authority, id: route.id, revision: route.revision }} supersedes={route.supersedes} />;
    case "decision":
      return <DecisionScreen id={route.id} />;
    case "grievances":
      return <GrievancesScreen />;
    case "new-grievance":
      return <NewGrievanceScreen />;
    case "grievance":
      return <GrievanceScreen id={route.id} />;
    case "countersign-requests":
      return <CountersignRequestsScreen />;
    case "countersign-request":
      return <CountersignRequestScreen decisionId={route.decisionId} />;
    case "audit-packs":
      return <AuditPacksScreen />;
    case "audit-pack":
      return <AuditPackScreen id={route.id} />;
    case "audit-case":
      return <AuditCaseScreen pack={route.pack} reference={route.reference} />;
  }
}

/** An office screen asked for in an auditor's store (by its address): said plainly, not shown. */
function NotInAuditorMode() {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <h1 tabIndex={-1}>{t("auditor.mode.notOffered")}</h1>
      <p>{t("auditor.mode.notOfferedDetail")}</p>
      <p>
        <a href={routeHash(AUDITOR_HOME)}>{t("auditor.mode.toPacks")}</a>
      </p>
    </div>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const route = useNavigation((state) => state.route);
  const identity = useSession((state) => state.identity);
  const auditor = useSession((state) => state.mode === "auditor");
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const hash = routeHash(route);

  // Parents' effects run after their children's: a screen that placed focus itself keeps it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main || main.contains(document.activeElement)) return;
    const heading = main.querySelector<HTMLElement>("h1");
    (heading ?? main).focus();
  }, [hash]);

  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    // A "#main" link would change the route: move focus instead.
    event.preventDefault();
    mainRef.current?.focus();
  };

  const current = navSectionOf(route);

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skip}>
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="brand">
          <Icon name="lock" className="brand-icon" />
          <span className="brand-name">{t("app.name")}</span>
        </div>
        {identity ? (
          <p className="who">{t("app.signedInAs", { name: identity.reviewer.name, office: identity.reviewer.office })}</p>
        ) : null}
        {auditor ? (
          <p className="mode-banner">
            <Icon name="info" />
            <span>
              <strong>{t("auditor.mode.banner")}</strong> {t("auditor.mode.bannerDetail")}
            </span>
          </p>
        ) : null}
      </header>
      <div className="shell-body">
        <nav className="side-nav" aria-label={t("nav.label")}>
          <ul>
            {(auditor ? AUDITOR_NAV_ITEMS : NAV_ITEMS).map((item) => (
              <li key={item.screen}>
                <a
                  className={current === item.screen ? "nav-link nav-link-current" : "nav-link"}
                  href={routeHash({ screen: item.screen })}
                  aria-current={route.screen === item.screen ? "page" : undefined}
                >
                  <Icon name={item.icon} />
                  <span>{t(`nav.${item.screen}`)}</span>
                </a>
              </li>
            ))}
          </ul>
          <button type="button" className="nav-lock" onClick={() => void lockNow("manual")} title={isMac() ? t("nav.lockHintMac") : t("nav.lockHint")}>
            <Icon name="lock" />
            <span>{t("nav.lock")}</span>
          </button>
        </nav>
        <main id="main" className="main" ref={mainRef} tabIndex={-1}>
          {auditor && !isAuditorScreen(route) ? <NotInAuditorMode /> : <Screen route={route} />}
        </main>
      </div>
    </div>
  );
}
