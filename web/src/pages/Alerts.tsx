import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, describe, present, type JourneySummary, type Present, type Schemas, type Workspace } from "../api/client";

type Rule = Present<Schemas["AlertRule"]>;
type Endpoint = Present<Schemas["WebhookEndpointSummary"]>;
type Delivery = Present<Schemas["WebhookDelivery"]>;
type Notification = Present<Schemas["Notification"]>;
type Touchpoint = { id: string; name: string };

const metrics = [
  { value: "drop-off", label: "Drop-off (%)" },
  { value: "reach", label: "Reach (%)" },
  { value: "median-seconds", label: "Median time (s)" },
  { value: "nps", label: "NPS" },
  { value: "csat", label: "CSAT (%)" },
  { value: "ces", label: "CES" },
] as const;

/** ISO 8601 duration text from hours, as the API takes it. */
function hours(value: number): string {
  return value >= 1 && Number.isInteger(value) ? `PT${value}H` : `PT${Math.round(value * 3600)}S`;
}

/** An ISO 8601 duration (PT1H30M, P1D) as a person reads it. */
function readable(iso: unknown): string {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(String(iso));
  if (!match) return String(iso);
  const parts = [["day", match[1]], ["hour", match[2]], ["minute", match[3]], ["second", match[4]]]
    .filter(([, value]) => value && Number(value) > 0)
    .map(([unit, value]) => `${Number(value)} ${unit}${Number(value) === 1 ? "" : "s"}`);
  return parts.length > 0 ? parts.join(" ") : "0 seconds";
}

function when(value: string | null): string {
  return value ? new Date(value).toLocaleString() : "–";
}

/** Alert rules per journey, the webhook endpoints they post to (with each delivery's attempts), and what fired. */
export function Alerts({ workspace }: { workspace: Workspace }) {
  const path = { workspaceId: workspace.id };
  const editor = workspace.role !== "viewer";
  const owner = workspace.role === "owner";
  const [rules, setRules] = useState<Rule[]>([]);
  const [journeys, setJourneys] = useState<JourneySummary[]>([]);
  const [endpoints, setEndpoints] = useState<Endpoint[]>([]);
  const [deliveries, setDeliveries] = useState<Record<string, Delivery[]>>({});
  const [notifications, setNotifications] = useState<Notification[]>([]);
  const [touchpoints, setTouchpoints] = useState<Touchpoint[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const namedJourneys = useRef(new Set<string>());
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [draft, setDraft] = useState({ journeyId: "", name: "", kind: "follow-up", from: "", to: "", withinHours: 2, touchpoint: "", metric: "drop-off", comparison: "above", threshold: 30, windowHours: 24, minimumCustomers: 20, webhookIds: [] as string[] });
  const [hook, setHook] = useState({ name: "", url: "" });

  async function load() {
    const [ruleList, journeyList, notificationList, endpointList] = await Promise.all([
      api.GET("/api/v1/workspaces/{workspaceId}/alert-rules", { params: { path } }),
      api.GET("/api/v1/workspaces/{workspaceId}/journeys", { params: { path } }),
      api.GET("/api/v1/workspaces/{workspaceId}/notifications", { params: { path, query: { limit: 50 } } }),
      editor ? api.GET("/api/v1/workspaces/{workspaceId}/webhooks", { params: { path } }) : Promise.resolve(null),
    ]);
    const loaded = ruleList.data ? present(ruleList.data) : [];
    setRules(loaded);
    // Touchpoint names are fetched once per journey, not on every refresh of the page.
    for (const journeyId of [...new Set(loaded.map((rule) => rule.journeyId))].filter((id) => !namedJourneys.current.has(id))) {
      namedJourneys.current.add(journeyId);
      const journey = await api.GET("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}", { params: { path: { ...path, journeyId } } });
      const byId: Record<string, string> = {};
      for (const stage of journey.data ? present(journey.data).stages : []) {
        for (const touchpoint of stage.touchpoints) byId[touchpoint.id] = touchpoint.name;
      }
      setNames((previous) => ({ ...previous, ...byId }));
    }
    setJourneys(journeyList.data ? present(journeyList.data) : []);
    setNotifications(notificationList.data ? present(notificationList.data) : []);
    const hooks = endpointList?.data ? present(endpointList.data) : [];
    setEndpoints(hooks);
    const logs: Record<string, Delivery[]> = {};
    for (const endpoint of hooks) {
      const list = await api.GET("/api/v1/workspaces/{workspaceId}/webhooks/{endpointId}/deliveries", { params: { path: { ...path, endpointId: endpoint.id }, query: { limit: 20 } } });
      logs[endpoint.id] = list.data ? present(list.data) : [];
    }
    setDeliveries(logs);
  }

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), 5000);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace.id]);

  useEffect(() => {
    if (!draft.journeyId) {
      setTouchpoints([]);
      return;
    }
    void api.GET("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}", { params: { path: { ...path, journeyId: draft.journeyId } } }).then((result) => {
      const journey = result.data ? present(result.data) : null;
      setTouchpoints(journey ? journey.stages.flatMap((stage) => stage.touchpoints.map((touchpoint) => ({ id: touchpoint.id, name: touchpoint.name }))) : []);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.journeyId]);

  async function createRule(event: FormEvent) {
    event.preventDefault();
    const body: Schemas["AlertRule"] = draft.kind === "follow-up"
      ? { journeyId: draft.journeyId, name: draft.name, kind: "follow-up", from: draft.from, to: draft.to, within: hours(draft.withinHours), webhookIds: draft.webhookIds }
      : { journeyId: draft.journeyId, name: draft.name, kind: "threshold", touchpoint: draft.touchpoint, metric: draft.metric as Rule["metric"], comparison: draft.comparison as Rule["comparison"],
          threshold: draft.threshold, window: hours(draft.windowHours), minimumCustomers: draft.minimumCustomers, webhookIds: draft.webhookIds };
    const result = await api.POST("/api/v1/workspaces/{workspaceId}/alert-rules", { params: { path }, body });
    setError(result.error ? describe(result.error) : null);
    if (!result.error) {
      setDraft({ ...draft, name: "" });
      await load();
    }
  }

  async function removeRule(rule: Rule) {
    if (!window.confirm(`Delete the rule "${rule.name}"?`)) return;
    await api.DELETE("/api/v1/workspaces/{workspaceId}/alert-rules/{ruleId}", { params: { path: { ...path, ruleId: rule.id! } } });
    await load();
  }

  async function toggleRule(rule: Rule) {
    const result = await api.PUT("/api/v1/workspaces/{workspaceId}/alert-rules/{ruleId}", { params: { path: { ...path, ruleId: rule.id! } }, body: { ...rule, enabled: !rule.enabled } as Schemas["AlertRule"] });
    setError(result.error ? describe(result.error) : null);
    await load();
  }

  async function createHook(event: FormEvent) {
    event.preventDefault();
    const result = await api.POST("/api/v1/workspaces/{workspaceId}/webhooks", { params: { path }, body: hook });
    if (result.error || !result.data) {
      setError(describe(result.error));
      return;
    }
    setError(null);
    setSecret(result.data.secret);
    setHook({ name: "", url: "" });
    await load();
  }

  async function retry(delivery: Delivery) {
    await api.POST("/api/v1/workspaces/{workspaceId}/webhooks/deliveries/{deliveryId}/retry", { params: { path: { ...path, deliveryId: delivery.id } } });
    await load();
  }

  async function markRead(notification: Notification) {
    await api.POST("/api/v1/workspaces/{workspaceId}/notifications/{notificationId}/read", { params: { path: { ...path, notificationId: notification.id } } });
    await load();
  }

  const journeyName = (id: string) => journeys.find((journey) => journey.id === id)?.name ?? "a deleted journey";
  const touchpointPicker = (label: string, value: string, onChange: (value: string) => void) => (
    <label>{label}<select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)} required>
      <option value="">Choose…</option>
      {touchpoints.map((touchpoint) => <option key={touchpoint.id} value={touchpoint.id}>{touchpoint.name}</option>)}
    </select></label>
  );

  return (
    <main className="list-page alerts">
      <div className="list-head"><div><h1>Alerts</h1><p className="muted">Rules that watch a journey's evidence, tell the team, and call your own tools to follow up with customers.</p></div></div>
      {error && <p className="error" role="alert">{error}</p>}

      <section aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">Notifications ({notifications.filter((item) => !item.readAt).length} unread)</h2>
        <ul className="notifications">
          {notifications.length === 0 && <li className="muted">Nothing has fired yet.</li>}
          {notifications.map((notification) => (
            <li key={notification.id} className={notification.readAt ? "read" : "unread"} data-type={notification.type}>
              <span className="when">{when(notification.createdAt)}</span> <span>{notification.title}</span>
              {!notification.readAt && <button type="button" className="ghost" onClick={() => void markRead(notification)}>Mark read</button>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">Rules</h2>
        <table className="data">
          <thead><tr><th>Name</th><th>Journey</th><th>When</th><th>Webhooks</th><th>State</th>{editor && <th />}</tr></thead>
          <tbody>
            {rules.length === 0 && <tr><td colSpan={6} className="muted">No rules yet.</td></tr>}
            {rules.map((rule) => (
              <tr key={rule.id}>
                <td>{rule.name}</td>
                <td>{journeyName(rule.journeyId)}</td>
                <td>{rule.kind === "follow-up"
                  ? `reached “${names[rule.from ?? ""] ?? "a touchpoint"}” and not “${names[rule.to ?? ""] ?? "the next"}” within ${readable(rule.within)}`
                  : `${names[rule.touchpoint ?? ""] ?? "a touchpoint"}: ${rule.metric} ${rule.comparison} ${rule.threshold} over ${readable(rule.window)}`}</td>
                <td>{rule.webhookIds.length}</td>
                <td>{rule.enabled ? "on" : "off"}</td>
                {editor && <td><button type="button" onClick={() => void toggleRule(rule)}>{rule.enabled ? "Turn off" : "Turn on"}</button> <button type="button" className="ghost danger" onClick={() => void removeRule(rule)}>Delete</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
        {editor && (
          <form className="importer rule-form" onSubmit={createRule} aria-label="New alert rule">
            <label>Name<input value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} required maxLength={200} /></label>
            <label>Journey<select aria-label="Journey" value={draft.journeyId} onChange={(event) => setDraft({ ...draft, journeyId: event.target.value, from: "", to: "", touchpoint: "" })} required>
              <option value="">Choose…</option>
              {journeys.map((journey) => <option key={journey.id} value={journey.id}>{journey.name}</option>)}
            </select></label>
            <label>Kind<select aria-label="Kind" value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value })}>
              <option value="follow-up">Follow-up: a customer is stuck</option>
              <option value="threshold">Threshold: a touchpoint's metric</option>
            </select></label>
            {draft.kind === "follow-up" ? (
              <>
                {touchpointPicker("Reached", draft.from, (from) => setDraft({ ...draft, from }))}
                {touchpointPicker("Not reached", draft.to, (to) => setDraft({ ...draft, to }))}
                <label>Within (hours)<input type="number" min={0.00027} step="any" value={draft.withinHours} onChange={(event) => setDraft({ ...draft, withinHours: Number(event.target.value) })} /></label>
              </>
            ) : (
              <>
                {touchpointPicker("Touchpoint", draft.touchpoint, (touchpoint) => setDraft({ ...draft, touchpoint }))}
                <label>Metric<select aria-label="Metric" value={draft.metric} onChange={(event) => setDraft({ ...draft, metric: event.target.value })}>{metrics.map((metric) => <option key={metric.value} value={metric.value}>{metric.label}</option>)}</select></label>
                <label>Fires when<select aria-label="Comparison" value={draft.comparison} onChange={(event) => setDraft({ ...draft, comparison: event.target.value })}>
                  <option value="above">above</option><option value="below">below</option><option value="worsens-by">worse than the window before by</option>
                </select></label>
                <label>Threshold<input type="number" step="any" value={draft.threshold} onChange={(event) => setDraft({ ...draft, threshold: Number(event.target.value) })} /></label>
                <label>Window (hours)<input type="number" min={0.02} step="any" value={draft.windowHours} onChange={(event) => setDraft({ ...draft, windowHours: Number(event.target.value) })} /></label>
                <label>At least (customers)<input type="number" min={1} value={draft.minimumCustomers} onChange={(event) => setDraft({ ...draft, minimumCustomers: Number(event.target.value) })} /></label>
              </>
            )}
            {endpoints.length > 0 && (
              <fieldset><legend>Webhooks</legend>
                {endpoints.map((endpoint) => (
                  <label key={endpoint.id}><input type="checkbox" checked={draft.webhookIds.includes(endpoint.id)}
                    onChange={(event) => setDraft({ ...draft, webhookIds: event.target.checked ? [...draft.webhookIds, endpoint.id] : draft.webhookIds.filter((id) => id !== endpoint.id) })} /> {endpoint.name}</label>
                ))}
              </fieldset>
            )}
            <button type="submit" className="primary">Add rule</button>
          </form>
        )}
      </section>

      {editor && (
        <section aria-labelledby="webhooks-heading">
          <h2 id="webhooks-heading">Webhook endpoints</h2>
          <p className="muted">Each notification is posted as JSON, signed with the endpoint's secret (headers webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256, the Standard Webhooks scheme), retried with backoff and kept as dead after the last attempt.</p>
          {owner && (
            <form className="importer" onSubmit={createHook} aria-label="New webhook endpoint">
              <label>Name<input value={hook.name} onChange={(event) => setHook({ ...hook, name: event.target.value })} required maxLength={200} /></label>
              <label>URL<input type="url" value={hook.url} onChange={(event) => setHook({ ...hook, url: event.target.value })} required placeholder="https://crm.example.com/hooks/waymark" /></label>
              <button type="submit" className="primary">Add endpoint</button>
            </form>
          )}
          {secret && <p className="notice" role="status">Signing secret (shown once): <code aria-label="Signing secret">{secret}</code></p>}
          {endpoints.map((endpoint) => (
            <div key={endpoint.id} className="endpoint">
              <h3>{endpoint.name} <span className="muted">{endpoint.url}</span></h3>
              <table className="data">
                <thead><tr><th>Fired</th><th>Status</th><th>Attempts</th><th /></tr></thead>
                <tbody>
                  {(deliveries[endpoint.id] ?? []).length === 0 && <tr><td colSpan={4} className="muted">Nothing posted yet.</td></tr>}
                  {(deliveries[endpoint.id] ?? []).map((delivery) => (
                    <tr key={delivery.id} data-status={delivery.status}>
                      <td>{when(delivery.createdAt)}</td>
                      <td>{delivery.status}{delivery.status === "pending" && delivery.nextAttemptAt ? ` (next ${when(delivery.nextAttemptAt)})` : ""}</td>
                      <td>{delivery.log.map((attempt) => `${attempt.statusCode ?? attempt.error} in ${attempt.durationMilliseconds} ms`).join(" · ")}</td>
                      <td>{delivery.status === "dead" && <button type="button" onClick={() => void retry(delivery)}>Retry</button>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}
    </main>
  );
}
