// The open request (one revision) and the attachment being viewed.
import { create } from "zustand";
import { api } from "../api/client.js";
import type { AttachmentContent, RequestDetail, RequestRef } from "../../../shared/api/requests.js";
import { failureFrom, type Failure } from "./failure.js";

type Viewer =
  | { state: "closed" }
  | { state: "loading"; path: string }
  | { state: "open"; path: string; content: AttachmentContent }
  | { state: "failed"; path: string; error: Failure };

interface RequestState {
  key: string | null;
  detail: RequestDetail | null;
  loading: boolean;
  error: Failure | null;
  viewer: Viewer;
  load: (ref: RequestRef) => Promise<void>;
  openAttachment: (path: string) => Promise<void>;
  closeAttachment: () => void;
  reset: () => void;
}

const refKey = (ref: RequestRef): string => JSON.stringify([ref.authority, ref.id, ref.revision ?? null]);

export const useRequest = create<RequestState>()((set, get) => ({
  key: null,
  detail: null,
  loading: false,
  error: null,
  viewer: { state: "closed" },
  load: async (ref) => {
    const key = refKey(ref);
    if (get().key === key && (get().detail || get().loading)) return;
    set({ key, loading: true, error: null, detail: null, viewer: { state: "closed" } });
    try {
      const detail = await api.getRequest(ref);
      if (get().key === key) set({ detail, loading: false });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure && get().key === key) set({ error: failure, loading: false });
    }
  },
  openAttachment: async (path) => {
    const detail = get().detail;
    if (!detail) return;
    set({ viewer: { state: "loading", path } });
    try {
      const content = await api.readAttachment({ authority: detail.authority, id: detail.id, revision: detail.revision, path });
      const viewer = get().viewer;
      if (viewer.state === "loading" && viewer.path === path) set({ viewer: { state: "open", path, content } });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ viewer: { state: "failed", path, error: failure } });
    }
  },
  closeAttachment: () => set({ viewer: { state: "closed" } }),
  reset: () => set({ key: null, detail: null, loading: false, error: null, viewer: { state: "closed" } }),
}));
