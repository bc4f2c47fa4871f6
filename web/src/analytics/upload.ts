import type { Schemas } from "../api/client";

export type EventImport = Schemas["EventImport"];

/** Uploads an event file with XMLHttpRequest (fetch reports no upload progress); resolves with the import resource
 * the server answers (202: importing in the background). */
export function uploadEvents(
  workspaceId: string,
  file: File,
  options: Record<string, string>,
  antiforgery: string | null,
  onProgress: (sent: number, total: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const query = new URLSearchParams({ fileName: file.name, ...options });
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/events/imports?${query}`);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    if (antiforgery) {
      request.setRequestHeader("X-XSRF-TOKEN", antiforgery);
    }
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => reject(new Error("The upload was interrupted."));
    request.send(file);
  });
}
