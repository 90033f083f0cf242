// The app:// handler: resolveAppRequest's decision plus the checks only the file system can make.
// A symlink inside the build folder that points outside it is refused after realpath, and only
// regular files are served. Uses the global Request/Response, not Electron, so tests can call it.
import { readFile, realpath, stat } from "node:fs/promises";
import { appResponseHeaders } from "../../web-policy/response-headers.js";
import { isInsideDirectory, resolveAppRequest } from "../../web-policy/app-request.js";

export type AppProtocolHandler = (request: Request) => Promise<Response>;

const refusal = (status: number): Response =>
  new Response(null, { status, headers: { ...appResponseHeaders(), ...(status === 405 ? { Allow: "GET" } : {}) } });

export function createAppProtocolHandler(buildDir: string): AppProtocolHandler {
  return async (request) => {
    const decision = resolveAppRequest(request.method, request.url, buildDir);
    if (decision.status !== 200) return refusal(decision.status);
    try {
      const [realRoot, realFile] = await Promise.all([realpath(buildDir), realpath(decision.filePath)]);
      if (!isInsideDirectory(realRoot, realFile)) return refusal(403);
      if (!(await stat(realFile)).isFile()) return refusal(404);
      const body = await readFile(realFile);
      return new Response(body, { status: 200, headers: appResponseHeaders(decision.contentType) });
    } catch {
      // Missing files, and a build folder that is not there at all, both read as "not found".
      return refusal(404);
    }
  };
}
