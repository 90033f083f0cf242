// In-page routing on the URL hash: the page never navigates, so the shell's navigation guard never
// fires, and Back/Forward still work. Pure: parse and build hashes.

export type Route =
  | { screen: "inbox" }
  | { screen: "import" }
  | { screen: "keyring" }
  | { screen: "settings" }
  | { screen: "retention" }
  | { screen: "statistics" }
  | { screen: "help" }
  | { screen: "decisions" }
  | { screen: "grievances" }
  /** The register's form for a grievance entered from a letter: #/grievances/new. */
  | { screen: "new-grievance" }
  | { screen: "request"; authority: string; id: string; revision?: number }
  /** The reviewer's workspace always names the exact revision it reviews. */
  | { screen: "review"; authority: string; id: string; revision: number }
  /** The decision screen for a reviewed revision; `supersedes` names the decision a new one replaces. */
  | { screen: "decide"; authority: string; id: string; revision: number; supersedes?: string }
  | { screen: "decision"; id: string }
  /** Four eyes, the colleague's side: the countersignature requests received (#/countersignatures) and one of them. */
  | { screen: "countersign-requests" }
  | { screen: "countersign-request"; decisionId: string }
  | { screen: "grievance"; id: string }
  /** Auditor mode: the audit packs the store took in, one pack's page, and one case of a pack. */
  | { screen: "audit-packs" }
  | { screen: "audit-pack"; id: string }
  | { screen: "audit-case"; pack: string; reference: string };

export type ScreenName = Route["screen"];

export const DEFAULT_ROUTE: Route = { screen: "inbox" };

const revisionOf = (text: string | undefined): number | undefined => {
  const revision = Number(text);
  return text !== undefined && Number.isInteger(revision) && revision >= 1 ? revision : undefined;
};

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter((part) => part !== "");
  let decoded: string[];
  try {
    decoded = parts.map((part) => decodeURIComponent(part));
  } catch {
    return DEFAULT_ROUTE;
  }
  const [screen, ...rest] = decoded;
  switch (screen) {
    case "inbox":
    case "import":
    case "keyring":
    case "settings":
    case "retention":
    case "statistics":
    case "help":
    case "decisions":
      return rest.length === 0 ? { screen } : DEFAULT_ROUTE;
    case "grievances":
      if (rest.length === 0) return { screen };
      return rest.length === 1 && rest[0] === "new" ? { screen: "new-grievance" } : DEFAULT_ROUTE;
    case "countersignatures": {
      if (rest.length === 0) return { screen: "countersign-requests" };
      const [decisionId] = rest;
      return decisionId && rest.length === 1 ? { screen: "countersign-request", decisionId } : DEFAULT_ROUTE;
    }
    case "decision":
    case "grievance":
    case "audit-pack": {
      const [id] = rest;
      return id && rest.length === 1 ? { screen, id } : DEFAULT_ROUTE;
    }
    case "audit-packs":
      return rest.length === 0 ? { screen } : DEFAULT_ROUTE;
    case "audit-case": {
      // The case reference AUTHORITY/ID/REVISION is one part: its slashes are encoded.
      const [pack, reference] = rest;
      return pack && reference && rest.length === 2 ? { screen, pack, reference } : DEFAULT_ROUTE;
    }
    case "request": {
      const [authority, id, revisionText] = rest;
      if (!authority || !id || rest.length > 3) return DEFAULT_ROUTE;
      const revision = revisionOf(revisionText);
      return revision === undefined ? { screen, authority, id } : { screen, authority, id, revision };
    }
    case "review":
    case "decide": {
      const [authority, id, revisionText, supersedes] = rest;
      const revision = revisionOf(revisionText);
      const most = screen === "decide" ? 4 : 3;
      if (!authority || !id || revision === undefined || rest.length < 3 || rest.length > most) return DEFAULT_ROUTE;
      if (screen === "review") return { screen, authority, id, revision };
      return supersedes === undefined ? { screen, authority, id, revision } : { screen, authority, id, revision, supersedes };
    }
    default:
      return DEFAULT_ROUTE;
  }
}

const hashOf = (screen: string, parts: readonly string[]): string => `#/${screen}/${parts.map(encodeURIComponent).join("/")}`;

export function routeHash(route: Route): string {
  switch (route.screen) {
    case "request":
      return hashOf(route.screen, [route.authority, route.id, ...(route.revision === undefined ? [] : [String(route.revision)])]);
    case "review":
      return hashOf(route.screen, [route.authority, route.id, String(route.revision)]);
    case "decide":
      return hashOf(route.screen, [route.authority, route.id, String(route.revision), ...(route.supersedes === undefined ? [] : [route.supersedes])]);
    case "decision":
    case "grievance":
    case "audit-pack":
      return hashOf(route.screen, [route.id]);
    case "audit-case":
      return hashOf(route.screen, [route.pack, route.reference]);
    case "new-grievance":
      return "#/grievances/new";
    case "countersign-requests":
      return "#/countersignatures";
    case "countersign-request":
      return hashOf("countersignatures", [route.decisionId]);
    default:
      return `#/${route.screen}`;
  }
}

export const sameRoute = (a: Route, b: Route): boolean => routeHash(a) === routeHash(b);

/** The navigation entry a screen belongs under, for the shell's "current" mark. */
export function navSectionOf(route: Route): "inbox" | "import" | "keyring" | "settings" | "retention" | "statistics" | "help" | "decisions" | "grievances" | "countersign-requests" | "audit-packs" {
  switch (route.screen) {
    case "audit-pack":
    case "audit-case":
      return "audit-packs";
    case "request":
    case "review":
      return "inbox";
    case "decide":
    case "decision":
      return "decisions";
    case "grievance":
    case "new-grievance":
      return "grievances";
    case "countersign-request":
      return "countersign-requests";
    default:
      return route.screen;
  }
}

/** The screens an auditor's store offers: its packs, and what changes no case data. */
const AUDITOR_SCREENS: ReadonlySet<ScreenName> = new Set<ScreenName>(["audit-packs", "audit-pack", "audit-case", "keyring", "settings", "help"]);

/** Whether a route is open in an auditor's store (case data read-only): the office's case screens are not. */
export const isAuditorScreen = (route: Route): boolean => AUDITOR_SCREENS.has(route.screen);

/** Where an auditor's store starts, as the inbox is an office's. */
export const AUDITOR_HOME: Route = { screen: "audit-packs" };
