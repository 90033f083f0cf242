// The browser shim's `window.counterseal`: the same CountersealBridge the preload gives the app,
// with fetch to the test host where the preload has ipc. Browser code: it must not import Node
// modules (it is bundled for the page), and `fetch` is passed in so tests can drive it in Node.
import { apiMethods, type ApiMethod, type CountersealApi } from "../../../shared/api/contract.js";
import { isMenuAction, type CountersealBridge, type MenuAction, type PickedFile } from "../../../shared/api/bridge.js";
import type { ErrorCode } from "../../../shared/api/errors.js";
import type { PickedImportFile } from "../../../shared/api/requests.js";
import type { ApiResult } from "../../../shared/api/result.js";

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** What a test may do that the app's menu does in Electron. Not part of CountersealBridge. */
export interface HostTestHooks {
  /** Delivers `action` to every onMenuAction listener, as the app menu would. */
  emitMenuAction(action: MenuAction): void;
}

const failure = (code: ErrorCode, message: string): ApiResult<never> => ({ ok: false, error: { code, message } });

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record["ok"] === true) return "value" in record;
  const error = record["error"] as Record<string, unknown> | null | undefined;
  return record["ok"] === false && typeof error === "object" && error !== null && typeof error["code"] === "string" && typeof error["message"] === "string";
}

/** POSTs JSON and returns the host's JSON answer, or throws a sentence saying what went wrong. */
async function postJson(fetchFn: Fetch, url: string, body: unknown): Promise<{ status: number; answer: unknown }> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new HostUnreachable(`The Counterseal test host did not answer: ${describe(error)}`);
  }
  try {
    return { status: response.status, answer: await response.json() };
  } catch {
    throw new Error(`The Counterseal test host answered ${response.status} without JSON.`);
  }
}

class HostUnreachable extends Error {}

function apiFunctions(fetchFn: Fetch): CountersealApi {
  const call = async (method: ApiMethod, args: unknown): Promise<ApiResult<unknown>> => {
    try {
      const { status, answer } = await postJson(fetchFn, `/__api/${method}`, args);
      // Refusals (403, 413…) are ApiResult-shaped too, so the page sees them as errors, not throws.
      return isApiResult(answer) ? answer : failure("host-bad-answer", `The Counterseal test host answered ${status} with something that is not an API result.`);
    } catch (error) {
      return failure(error instanceof HostUnreachable ? "host-unreachable" : "host-bad-answer", describe(error));
    }
  };
  // One function per contract method, from the list, so a new method needs no edit here.
  const entries = apiMethods.map((method) => [method, (args: unknown) => call(method, args)] as const);
  return Object.fromEntries(entries) as unknown as CountersealApi;
}

/** The reviewer picks files: a file input in the page (bridge.ts); [] when cancelled. */
export type PickFiles = () => Promise<readonly PickedFile[]>;

/** Uploads a file to the host, which registers its copy and answers a token for it. */
async function upload(fetchFn: Fetch, file: PickedFile): Promise<ApiResult<PickedImportFile>> {
  let response: Response;
  try {
    response = await fetchFn(`/__upload?name=${encodeURIComponent(file.name)}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/octet-stream" },
      // Only a real DOM File reaches here from the page; PickedFile is its shape in shared/.
      body: file as unknown as Blob,
    });
  } catch (error) {
    return failure("host-unreachable", `The Counterseal test host did not answer: ${describe(error)}`);
  }
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    return failure("host-bad-answer", `The Counterseal test host answered ${response.status} without JSON.`);
  }
  return isApiResult(answer) ? (answer as ApiResult<PickedImportFile>) : failure("host-bad-answer", `The Counterseal test host answered ${response.status} with something that is not an API result.`);
}

export function createBrowserBridge(fetchFn: Fetch, pickFiles: PickFiles): { bridge: CountersealBridge; hooks: HostTestHooks } {
  const listeners = new Set<(action: MenuAction) => void>();

  const bridge: CountersealBridge = {
    ...apiFunctions(fetchFn),
    onMenuAction(listener) {
      // A wrapper per call, so subscribing the same function twice needs two unsubscribes, as with ipc.
      const wrapped = (action: MenuAction): void => listener(action);
      listeners.add(wrapped);
      return () => {
        listeners.delete(wrapped);
      };
    },
    // The app opens main's dialog; a browser has only a file input, whose files are uploaded.
    async chooseImportFiles() {
      const files = await pickFiles();
      const picked: PickedImportFile[] = [];
      for (const file of files) {
        const result = await upload(fetchFn, file);
        if (!result.ok) return result;
        picked.push(result.value);
      }
      return { ok: true, value: picked };
    },
    // The app resolves a drop through Electron; a browser has no paths, so the file is uploaded.
    tokenForDroppedFile: (file) => upload(fetchFn, file),
  };

  const hooks: HostTestHooks = {
    emitMenuAction(action) {
      if (!isMenuAction(action)) throw new TypeError(`${JSON.stringify(action)} is not a menu action.`);
      for (const listener of [...listeners]) listener(action);
    },
  };
  return { bridge: Object.freeze(bridge), hooks: Object.freeze(hooks) };
}
