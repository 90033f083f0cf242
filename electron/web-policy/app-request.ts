// Maps an app:// request to a file inside the renderer's build folder, or refuses it. Pure: the
// protocol handler adds the file-system checks (realpath, is-a-file) on top of this answer.
import path from "node:path";
import { APP_HOST, APP_SCHEME } from "./app-origin.js";

export type AppRequestDecision =
  | { status: 200; filePath: string; contentType: string }
  | { status: 400 | 403 | 404 | 405 };

// Only what a Vite build and pdf.js's assets contain; any other extension is 404 (fail closed).
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
  // pdf.js: binary CMaps, Type1 standard fonts, ICC colour profiles.
  ".bcmap": "application/octet-stream",
  ".pfb": "application/octet-stream",
  ".icc": "application/octet-stream",
};

export function contentTypeFor(filePath: string): string | undefined {
  const extension = path.extname(filePath).toLowerCase();
  return Object.hasOwn(CONTENT_TYPES, extension) ? CONTENT_TYPES[extension] : undefined;
}

/** True when `candidate` is `root` itself or lies below it (both absolute, already resolved). */
export function isInsideDirectory(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  // "..foo" is a legal name inside; only ".." itself, as a whole segment, climbs out.
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Splits the URL's still-encoded path into decoded segments, or says why it cannot. */
function decodeSegments(encodedPath: string): string[] | 400 | 403 {
  // An encoded separator would become a new path level only after decoding: refuse it outright.
  if (/%2f|%5c/i.test(encodedPath)) return 400;
  const segments: string[] = [];
  for (const encoded of encodedPath.split("/").slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return 400;
    }
    // NUL truncates paths in C; "\" is a separator on Windows; ":" names drives and NTFS streams.
    if (/[\0\\:]/.test(segment)) return 400;
    // "." and ".." (also when they arrived as %2e) and hidden files: nothing to serve there.
    if (segment.startsWith(".")) return 403;
    segments.push(segment);
  }
  return segments;
}

// A "." or ".." segment, literal or percent-encoded, before any query or fragment.
const DOT_SEGMENT = /(^|[/\\])(\.|%2e){1,2}([/\\]|$)/i;

export function resolveAppRequest(method: string, url: string, buildDir: string): AppRequestDecision {
  if (method !== "GET") return { status: 405 };
  // URL parsing folds "/a/../b" (and "%2e%2e") silently; a path that needed folding was never
  // written by the app, so refuse it on the raw text before parsing can hide it.
  if (DOT_SEGMENT.test(url.split(/[?#]/, 1)[0] ?? "")) return { status: 403 };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== "" || parsed.username !== "" || parsed.password !== "") {
    return { status: 403 };
  }
  const segments = decodeSegments(parsed.pathname);
  if (typeof segments === "number") return { status: segments };

  const wantsIndex = segments.length === 0 || (segments.length === 1 && segments[0] === "");
  const relative = wantsIndex ? ["index.html"] : segments;
  // Empty segments ("//", or a trailing "/" naming a folder) have no file to serve.
  if (relative.some((segment) => segment === "")) return { status: 404 };

  const root = path.resolve(buildDir);
  const filePath = path.resolve(root, ...relative);
  if (filePath === root || !isInsideDirectory(root, filePath)) return { status: 403 };

  const contentType = contentTypeFor(filePath);
  if (contentType === undefined) return { status: 404 };
  return { status: 200, filePath, contentType };
}
