import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];

/** A response object as the server writes it: every property present (the server never omits one; the schema
 * marks some optional because requests may leave them out), nulls where the schema allows them. */
export type Present<T> = T extends (infer U)[] ? Present<U>[] : T extends object ? { [K in keyof T]-?: Present<T[K]> } : T;

/** Reads a response as written; see {@link Present}. */
export function present<T>(value: T): Present<T> {
  return value as Present<T>;
}

export type Journey = Present<Schemas["Journey"]>;
export type JourneySummary = Present<Schemas["JourneySummary"]>;
export type Stage = Present<Schemas["Stage"]>;
export type Touchpoint = Present<Schemas["Touchpoint"]>;
export type Lane = Present<Schemas["Lane"]>;
export type Card = Present<Schemas["Card"]>;
export type Persona = Present<Schemas["Persona"]>;
export type PainPoint = Present<Schemas["PainPoint"]>;
export type Opportunity = Present<Schemas["Opportunity"]>;
export type Workspace = Present<Schemas["WorkspaceResponse"]>;
export type User = Present<Schemas["UserResponse"]>;

/** RFC 9457 problem details as the server writes them, with Waymark's stable `code`. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
  currentVersion?: number;
}

let antiforgeryToken: string | null = null;

/** The token the server returned at sign-in (or from /auth/me); sent on every write, as the server requires. */
export function setAntiforgeryToken(token: string | null | undefined): void {
  antiforgeryToken = token ?? null;
}

/** The current antiforgery token, for requests made outside the typed client (uploads with progress). */
export function currentAntiforgeryToken(): string | null {
  return antiforgeryToken;
}

const antiforgery: Middleware = {
  onRequest({ request }) {
    if (request.method !== "GET" && request.method !== "HEAD" && antiforgeryToken) {
      request.headers.set("X-XSRF-TOKEN", antiforgeryToken);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: "same-origin" });
api.use(antiforgery);

/** A problem's one-line message for the user. */
export function describe(problem: unknown): string {
  if (problem && typeof problem === "object") {
    const p = problem as Problem;
    const fields = p.errors ? Object.values(p.errors).flat().join(" ") : "";
    return [p.detail ?? p.title ?? "Something went wrong.", fields].filter(Boolean).join(" ");
  }
  return "The server could not be reached.";
}

/** The If-Match header for an edit of a journey (or persona) at this version. */
export function ifMatch(version: number): { "If-Match": string } {
  return { "If-Match": `"${version}"` };
}
