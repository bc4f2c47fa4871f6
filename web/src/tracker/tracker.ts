/**
 * A small tracking client for Waymark's ingestion API, in the shape of Segment's: track, page, identify and survey
 * answers, queued and sent in batches, retried as Segment's libraries retry. The write key is sent in the body with
 * text/plain, so a page on any origin can send without a CORS preflight.
 */
export interface TrackerOptions {
  /** The workspace's write key (wmw_…). */
  writeKey: string;
  /** Where Waymark runs; the page's own origin by default. */
  host?: string;
  /** How long messages wait to be sent together (ms). */
  flushInterval?: number;
  /** Called after every send with what the server answered. */
  onResult?: (result: SendResult) => void;
}

export interface SendResult {
  route: "batch" | "responses";
  status: number | "network error";
  messages: number;
  body: unknown;
  retryInSeconds: number | null;
}

type Message = Record<string, unknown>;

const anonymousKey = "waymark.anonymousId";
const userKey = "waymark.userId";

function uuid(): string {
  return crypto.randomUUID();
}

export class Tracker {
  readonly anonymousId: string;
  userId: string | null;
  private readonly host: string;
  private readonly queues: Record<"batch" | "responses", Message[]> = { batch: [], responses: [] };
  private timer: number | null = null;

  constructor(private readonly options: TrackerOptions) {
    this.host = (options.host ?? window.location.origin).replace(/\/$/, "");
    this.anonymousId = localStorage.getItem(anonymousKey) ?? uuid();
    localStorage.setItem(anonymousKey, this.anonymousId);
    this.userId = localStorage.getItem(userKey);
    window.addEventListener("pagehide", () => void this.flush(true));
  }

  track(event: string, properties: Record<string, unknown> = {}): void {
    this.enqueue("batch", { type: "track", event, properties });
  }

  page(name: string, properties: Record<string, unknown> = {}): void {
    this.enqueue("batch", { type: "page", name, properties: { url: window.location.href, ...properties } });
  }

  /** Links this browser's anonymous id to a customer, and sets the customer's traits. */
  identify(userId: string, traits: Record<string, unknown> = {}): void {
    this.userId = userId;
    localStorage.setItem(userKey, userId);
    this.enqueue("batch", { type: "identify", traits });
  }

  /** A survey answer about a touchpoint (its name, or the event it is matched by) or a stage. */
  answer(answer: { touchpoint?: string; stage?: string; metric: "nps" | "csat" | "ces"; score: number; comment?: string }): void {
    this.enqueue("responses", { ...answer });
  }

  /** Forgets the customer (sign-out): later messages are anonymous again. */
  reset(): void {
    this.userId = null;
    localStorage.removeItem(userKey);
  }

  private enqueue(route: "batch" | "responses", message: Message): void {
    this.queues[route].push({
      ...message,
      messageId: uuid(),
      anonymousId: this.anonymousId,
      ...(this.userId ? { userId: this.userId } : {}),
      timestamp: new Date().toISOString(),
      context: { library: { name: "waymark-tracker", version: "1" }, page: { path: window.location.pathname } },
    });
    if (this.queues[route].length >= 100) {
      void this.flush();
    } else if (this.timer === null) {
      this.timer = window.setTimeout(() => void this.flush(), this.options.flushInterval ?? 500);
    }
  }

  /** Sends what is queued now. */
  async flush(leaving = false): Promise<void> {
    if (this.timer !== null) {
      window.clearTimeout(this.timer);
      this.timer = null;
    }
    for (const route of ["batch", "responses"] as const) {
      const messages = this.queues[route].splice(0, 100);
      if (messages.length > 0) {
        await this.send(route, messages, 0, leaving);
      }
    }
  }

  /** Retries 408, 429 and 5xx (not 501/505) with backoff min(0.5 s · 2^n, 300 s) plus up to 10% jitter, honouring
   * Retry-After up to 300 s; drops the batch on other 4xx, which retrying cannot fix. */
  private async send(route: "batch" | "responses", messages: Message[], attempt: number, leaving: boolean): Promise<void> {
    const body = JSON.stringify({ writeKey: this.options.writeKey, sentAt: new Date().toISOString(), batch: messages });
    let status: number | "network error" = "network error";
    let answer: unknown = null;
    let retryAfter: number | null = null;
    try {
      const response = await fetch(`${this.host}/api/v1/ingest/${route}`, {
        method: "POST", body, headers: { "Content-Type": "text/plain" }, keepalive: leaving && body.length < 60_000, credentials: "omit",
      });
      status = response.status;
      answer = await response.json().catch(() => null);
      const header = response.headers.get("Retry-After");
      retryAfter = header ? Number(header) : null;
    } catch {
      status = "network error";
    }
    const retryable = status === "network error" || status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
    const wait = retryable && attempt < 10 ? Math.min(retryAfter ?? 0.5 * 2 ** attempt, 300) * (1 + Math.random() * 0.1) : null;
    this.options.onResult?.({ route, status, messages: messages.length, body: answer, retryInSeconds: wait });
    if (wait !== null && !leaving) {
      await new Promise((resolve) => window.setTimeout(resolve, wait * 1000));
      await this.send(route, messages, attempt + 1, leaving);
    }
  }
}
