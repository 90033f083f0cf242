// In-page routing on the URL hash: the page never navigates, so the shell's navigation guard never
// fires, and Back/Forward still work. Pure: parse and build hashes.

export type Route =
  | { screen: "inbox" }
  | { screen: "import" }
  | { screen: "keyring" }
  | { screen: "settings" }
  | { screen: "retention" }
  | { screen: "help" }
  | { screen: "request"; authority: string; id: string; revision?: number }
  /** The reviewer's workspace always names the exact revision it reviews. */
  | { screen: "review"; authority: string; id: string; revision: number };

export type ScreenName = Route["screen"];

export const DEFAULT_ROUTE: Route = { screen: "inbox" };

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
    case "help":
      return rest.length === 0 ? { screen } : DEFAULT_ROUTE;
    case "request": {
      const [authority, id, revisionText] = rest;
      if (!authority || !id || rest.length > 3) return DEFAULT_ROUTE;
      if (revisionText === undefined) return { screen, authority, id };
      const revision = Number(revisionText);
      return Number.isInteger(revision) && revision >= 1 ? { screen, authority, id, revision } : { screen, authority, id };
    }
    case "review": {
      const [authority, id, revisionText] = rest;
      const revision = Number(revisionText);
      if (!authority || !id || rest.length !== 3 || !Number.isInteger(revision) || revision < 1) return DEFAULT_ROUTE;
      return { screen, authority, id, revision };
    }
    default:
      return DEFAULT_ROUTE;
  }
}

export function routeHash(route: Route): string {
  if (route.screen !== "request" && route.screen !== "review") return `#/${route.screen}`;
  const parts = [route.authority, route.id, ...(route.revision === undefined ? [] : [String(route.revision)])];
  return `#/${route.screen}/${parts.map(encodeURIComponent).join("/")}`;
}

export const sameRoute = (a: Route, b: Route): boolean => routeHash(a) === routeHash(b);
