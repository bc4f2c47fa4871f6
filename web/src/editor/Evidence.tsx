import { useEffect, useState } from "react";
import { useLiveMetrics, type LiveState } from "../api/live";
import { api, present, type Present, type Schemas } from "../api/client";

export type EvidenceReport = Present<Schemas["JourneyEvidenceReport"]>;
export type TouchpointEvidence = Present<Schemas["TouchpointMetrics"]>;
export type Candidate = Present<Schemas["PainPointCandidate"]>;
type SavedSegment = Present<Schemas["Segment"]>;

/** What the heat map colours touchpoints by. */
export type HeatMetric = "reach" | "drop-off" | "time" | "nps" | "csat" | "ces" | "repeats";

export const heatMetrics: { value: HeatMetric; label: string }[] = [
  { value: "reach", label: "Reach" },
  { value: "drop-off", label: "Drop-off" },
  { value: "time", label: "Time vs plan" },
  { value: "nps", label: "NPS" },
  { value: "csat", label: "CSAT" },
  { value: "ces", label: "CES" },
  { value: "repeats", label: "Repeats" },
];

export interface EvidenceOptions {
  from: string;
  to: string;
  /** Saved segments to compare with all customers, at most five. */
  segmentIds: string[];
  /** Which report entry the heat strips show: 0 all customers, k the k-th chosen segment. */
  heatFor: number;
  compareAt: string;
}

/** The most segments compared at once (as the server allows). */
export const maxSegments = 5;

export interface Evidence {
  report: EvidenceReport | null;
  /** Whether pushes from the live hub can arrive, and when the last one did. */
  live: LiveState;
  updatedAt: string | null;
  eventCount: number | null;
  /** With "compare periods": the same metrics before the date (report is then after it). */
  before: EvidenceReport | null;
  segments: SavedSegment[];
  loading: boolean;
  error: string | null;
}

function query(options: EvidenceOptions, from: string, to: string) {
  return {
    from: from ? new Date(from + "T00:00:00Z").toISOString() : undefined,
    to: to ? new Date(to + "T00:00:00Z").toISOString() : undefined,
    segment: options.segmentIds.length > 0 ? options.segmentIds : undefined,
  };
}

/** Loads the journey's metrics from the server for the chosen range, segment and comparison date. */
export function useEvidence(workspaceId: string, journeyId: string, on: boolean, options: EvidenceOptions, version: number): Evidence {
  const [state, setState] = useState<Omit<Evidence, "live">>({ report: null, before: null, segments: [], loading: false, error: null, updatedAt: null, eventCount: null });
  const [pushes, setPushes] = useState(0);
  const whole = !options.from && !options.to && !options.compareAt && options.segmentIds.length === 0;
  // New events move the numbers without a reload: a push carries the metrics over everything, which is this view
  // when no range, segment or comparison is chosen; any other view is fetched again.
  const live = useLiveMetrics(workspaceId, journeyId, on, (push) => {
    if (whole) {
      setState((previous) => ({ ...previous, report: push.metrics, updatedAt: push.at, eventCount: push.eventCount }));
    } else {
      setState((previous) => ({ ...previous, updatedAt: push.at, eventCount: push.eventCount }));
      setPushes((count) => count + 1);
    }
  });

  useEffect(() => {
    if (!on) {
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    const path = { workspaceId, journeyId };
    const after = options.compareAt ? query(options, options.compareAt, options.to) : query(options, options.from, options.to);
    const requests = [
      api.GET("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/metrics", { params: { path, query: after } }),
      options.compareAt
        ? api.GET("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/metrics", { params: { path, query: query(options, options.from, options.compareAt) } })
        : Promise.resolve(null),
      api.GET("/api/v1/workspaces/{workspaceId}/segments", { params: { path: { workspaceId } } }),
    ] as const;
    void Promise.all(requests).then(([now, then, segments]) => {
      if (!current) {
        return;
      }
      setState((previous) => ({
        ...previous,
        report: now.data ? present(now.data) : null,
        before: then?.data ? present(then.data) : null,
        segments: present(segments.data ?? []),
        loading: false,
        error: now.data ? null : ((now.error as { detail?: string } | undefined)?.detail ?? "The metrics could not be loaded."),
      }));
    });
    return () => {
      current = false;
    };
  }, [on, workspaceId, journeyId, options.from, options.to, options.segmentIds.join(","), options.compareAt, version, pushes]);

  return { ...state, live };
}

/** The value of a metric for one touchpoint, as a number where higher is better (for colouring) and as text. */
export function heat(metric: HeatMetric, touchpoint: TouchpointEvidence | undefined): { score: number | null; text: string; value: number | null } {
  if (!touchpoint || touchpoint.events === 0) {
    return { score: null, text: "no events", value: null };
  }
  switch (metric) {
    case "reach":
      return { score: touchpoint.reachedShare, text: percent(touchpoint.reachedShare), value: points(touchpoint.reachedShare) };
    case "drop-off":
      return { score: touchpoint.dropOffShare === null ? null : 1 - Math.min(1, touchpoint.dropOffShare * 3), text: percent(touchpoint.dropOffShare), value: points(touchpoint.dropOffShare) };
    case "time": {
      const ratio = touchpoint.medianSeconds !== null && touchpoint.plannedSeconds ? touchpoint.medianSeconds / touchpoint.plannedSeconds : null;
      return { score: ratio === null ? null : Math.max(0, Math.min(1, 1.5 - ratio / 2)), text: touchpoint.medianSeconds === null ? "–" : duration(touchpoint.medianSeconds), value: null };
    }
    case "nps":
      return { score: scoreOf(touchpoint.nps.score, -100, 100), text: number(touchpoint.nps.score, 0), value: touchpoint.nps.score };
    case "csat":
      return { score: scoreOf(touchpoint.csat.score, 0, 100), text: touchpoint.csat.score === null ? "–" : `${touchpoint.csat.score.toFixed(0)}%`, value: touchpoint.csat.score };
    case "ces":
      return { score: scoreOf(touchpoint.ces.score, 1, 7), text: number(touchpoint.ces.score, 1), value: touchpoint.ces.score };
    case "repeats":
      return { score: touchpoint.repeatRate === null ? null : 1 - Math.min(1, touchpoint.repeatRate * 2), text: percent(touchpoint.repeatRate), value: points(touchpoint.repeatRate) };
  }
}

function points(share: number | null): number | null {
  return share === null ? null : share * 100;
}

/** The change from before to after a date, in the metric's own units (percentage points for shares). */
export function delta(after: { value: number | null }, before: { value: number | null; text: string }): string {
  if (after.value === null || before.value === null) {
    return `before ${before.text}`;
  }
  const change = after.value - before.value;
  return `${change >= 0 ? "+" : "−"}${Math.abs(change).toFixed(1)} since`;
}

function scoreOf(value: number | null, low: number, high: number): number | null {
  return value === null ? null : (value - low) / (high - low);
}

/** The colours of the evidence curves: all customers, then each compared segment. */
export const evidenceColours = ["#14213d", "#0f766e", "#b45309", "#7c3aed", "#be123c", "#0369a1"];

/** Per report entry, each touchpoint's emotion from answers (null where no answer exists). */
export function evidenceCurves(report: EvidenceReport | null): { name: string; colour: string; values: Map<string, number | null> }[] {
  return (report?.segments ?? []).map((segment, index) => ({
    name: segment.segment,
    colour: evidenceColours[index % evidenceColours.length]!,
    values: new Map(segment.touchpoints.map((touchpoint) => [touchpoint.key, touchpoint.emotion])),
  }));
}

/** Red (0) through amber to green (1); grey without data. */
export function heatColour(score: number | null): string {
  if (score === null) {
    return "#e6e8ee";
  }
  const hue = Math.round(Math.max(0, Math.min(1, score)) * 120);
  return `hsl(${hue} 70% 82%)`;
}

export function percent(share: number | null): string {
  return share === null ? "–" : `${(share * 100).toFixed(1)}%`;
}

function number(value: number | null, digits: number): string {
  return value === null ? "–" : value.toFixed(digits);
}

export function duration(seconds: number | null): string {
  if (seconds === null) {
    return "–";
  }
  if (seconds < 120) {
    return `${seconds.toFixed(0)} s`;
  }
  if (seconds < 7200) {
    return `${(seconds / 60).toFixed(1)} min`;
  }
  if (seconds < 172_800) {
    return `${(seconds / 3600).toFixed(1)} h`;
  }
  return `${(seconds / 86_400).toFixed(1)} d`;
}

/** The toolbar of the evidence layer: metric, segment, time range and "compare periods". */
export function EvidenceBar({ metric, onMetric, options, onOptions, evidence, onMapping, onActual, onConformance }: {
  metric: HeatMetric;
  onMetric: (metric: HeatMetric) => void;
  options: EvidenceOptions;
  onOptions: (options: EvidenceOptions) => void;
  evidence: Evidence;
  onMapping: () => void;
  onActual: () => void;
  onConformance: () => void;
}) {
  const all = evidence.report?.segments[options.heatFor] ?? evidence.report?.segments[0];
  const chosen = options.segmentIds.map((id) => evidence.segments.find((segment) => segment.id === id)?.name ?? "segment");
  return (
    <div className="evidence-bar" role="group" aria-label="Evidence">
      <label>
        Colour by{" "}
        <select aria-label="Heat map metric" value={metric} onChange={(event) => onMetric(event.target.value as HeatMetric)}>
          {heatMetrics.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
      </label>
      <details className="segment-picker">
        <summary>Segments ({options.segmentIds.length})</summary>
        <div role="group" aria-label="Segments to compare">
          {evidence.segments.length === 0 && <p className="muted">No saved segments in this workspace.</p>}
          {evidence.segments.map((segment) => {
            const checked = options.segmentIds.includes(segment.id);
            return (
              <label key={segment.id}>
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={!checked && options.segmentIds.length >= maxSegments}
                  onChange={() => {
                    const segmentIds = checked ? options.segmentIds.filter((id) => id !== segment.id) : [...options.segmentIds, segment.id];
                    onOptions({ ...options, segmentIds, heatFor: Math.min(options.heatFor, segmentIds.length) });
                  }}
                />{" "}
                {segment.name}
              </label>
            );
          })}
        </div>
      </details>
      <label>
        Heat for{" "}
        <select aria-label="Heat for" value={options.heatFor} onChange={(event) => onOptions({ ...options, heatFor: Number(event.target.value) })}>
          <option value={0}>All customers</option>
          {chosen.map((name, index) => <option key={options.segmentIds[index]} value={index + 1}>{name}</option>)}
        </select>
      </label>
      <label>From <input type="date" aria-label="From" value={options.from} onChange={(event) => onOptions({ ...options, from: event.target.value })} /></label>
      <label>To <input type="date" aria-label="To" value={options.to} onChange={(event) => onOptions({ ...options, to: event.target.value })} /></label>
      <label title="Show the metrics after this date, with the change from before it">
        Compare at <input type="date" aria-label="Compare periods at" value={options.compareAt} onChange={(event) => onOptions({ ...options, compareAt: event.target.value })} />
      </label>
      <button type="button" onClick={onMapping}>Event mapping</button>
      <button type="button" onClick={onActual}>A customer's journey</button>
      <button type="button" onClick={onConformance}>Planned vs actual</button>
      <span className="muted" aria-live="polite">
        {evidence.loading ? "Loading evidence…" : evidence.error ? evidence.error
          : all ? `${all.segment}: ${all.entered.toLocaleString()} customers entered · ${all.completed.toLocaleString()} completed · ${percent(all.conformance.conformantShare)} as planned` : ""}
      </span>
      <span className={`live-state ${evidence.live}`} role="status" aria-label="Live updates"
        title={evidence.live === "live" ? "New events move these numbers as they arrive" : "Live updates are not connected; the numbers change on reload"}>
        {evidence.live === "live" ? "● Live" : evidence.live === "connecting" ? "○ Connecting…" : "○ Offline"}
        {evidence.updatedAt && ` · updated ${new Date(evidence.updatedAt).toLocaleTimeString()}`}
        {evidence.eventCount !== null && ` · ${evidence.eventCount.toLocaleString()} events`}
      </span>
    </div>
  );
}

/** The side panel of one touchpoint's evidence: all customers and the chosen segment side by side. */
export function EvidencePanel({ touchpointId, evidence, onClose, onPromote, readOnly }: {
  touchpointId: string;
  evidence: Evidence;
  onClose: () => void;
  onPromote: (candidate: Candidate, owner: string | null) => void;
  readOnly: boolean;
}) {
  const [owner, setOwner] = useState("");
  const columns = (evidence.report?.segments ?? []).map((segment) => ({ name: segment.segment, metrics: segment.touchpoints.find((tp) => tp.key === touchpointId) }));
  const before = evidence.before?.segments[0]?.touchpoints.find((tp) => tp.key === touchpointId);
  const first = columns[0]?.metrics;
  const candidates = (evidence.report?.painPoints ?? []).filter((candidate) => candidate.touchpoint === touchpointId);
  const rows: { label: string; value: (metrics: TouchpointEvidence) => string; test?: (metrics: TouchpointEvidence) => number | null }[] = [
    { label: "Reached", value: (m) => `${m.reached.toLocaleString()} (${percent(m.reachedShare)})`, test: (m) => m.reachedVersusRest?.pValue ?? null },
    { label: "Drop-off after", value: (m) => `${m.dropOff.toLocaleString()} (${percent(m.dropOffShare)})`, test: (m) => m.dropOffVersusRest?.pValue ?? null },
    { label: "Median time", value: (m) => duration(m.medianSeconds) },
    { label: "90th percentile", value: (m) => duration(m.p90Seconds) },
    { label: "Planned", value: (m) => duration(m.plannedSeconds) },
    { label: "Slower than planned", value: (m) => m.slowerThanPlanned.toLocaleString() },
    { label: "Repeat rate", value: (m) => percent(m.repeatRate) },
    { label: "Skipped", value: (m) => m.skipped.toLocaleString() },
    { label: "Out of order", value: (m) => m.outOfOrder.toLocaleString() },
    { label: "NPS", value: (m) => scoreText(m.nps) },
    { label: "CSAT", value: (m) => scoreText(m.csat) },
    { label: "CES", value: (m) => scoreText(m.ces) },
    { label: "Emotion (from answers)", value: (m) => (m.emotion === null ? "hypothesis only" : m.emotion.toFixed(2)) },
  ];
  return (
    <aside className="side-panel evidence-panel" aria-label="Touchpoint evidence">
      <header className="panel-header">
        <h2>{first?.name ?? "Touchpoint"}</h2>
        <button type="button" aria-label="Close the evidence panel" onClick={onClose}>×</button>
      </header>
      {!first ? <p className="muted">No events are mapped to this touchpoint: give it an event matcher.</p> : (
        <table className="evidence-table">
          <thead>
            <tr><th scope="col">Metric</th>{columns.map((column) => <th key={column.name} scope="col">{column.name}</th>)}{before && <th scope="col">Before</th>}</tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {columns.map((column, index) => {
                  const p = index > 0 && column.metrics && row.test ? row.test(column.metrics) : null;
                  return (
                    <td key={column.name} className={p !== null && p < 0.05 ? "significant" : undefined} title={p !== null ? `p = ${p.toPrecision(2)} against the other customers` : undefined}>
                      {column.metrics ? row.value(column.metrics) : "–"}{p !== null && p < 0.05 ? " *" : ""}
                    </td>
                  );
                })}
                {before && <td>{row.value(before)}</td>}
              </tr>
            ))}
            <tr>
              <th scope="row">Channels</th>
              <td colSpan={columns.length + (before ? 1 : 0)}>{first.channels.map((channel) => `${channel.channel || "none"} ${channel.events.toLocaleString()}`).join(" · ") || "–"}</td>
            </tr>
          </tbody>
        </table>
      )}
      {columns.length > 1 && <p className="muted">* differs from the other customers (two-proportion z-test, p &lt; 0.05).</p>}
      {first && first.comments.length > 0 && (
        <section>
          <h3>What customers said</h3>
          <ul>{first.comments.map((comment, index) => <li key={index}>“{comment}”</li>)}</ul>
        </section>
      )}
      {candidates.length > 0 && (
        <section>
          <h3>Pain point candidates</h3>
          {!readOnly && <label>Owner of a promoted pain point <input aria-label="Owner" value={owner} onChange={(event) => setOwner(event.target.value)} placeholder="team or person" /></label>}
          <ul className="candidates">
            {candidates.map((candidate) => (
              <li key={candidate.kind}>
                <strong>{candidateTitle(candidate)}</strong> — impact {candidate.impact.toLocaleString()} ({candidate.affected.toLocaleString()} × severity {candidate.severity})
                {!readOnly && <button type="button" onClick={() => onPromote(candidate, owner.trim() || null)}>Promote to pain point</button>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}

function scoreText(score: Present<Schemas["SurveyScore"]>): string {
  if (score.score === null) {
    return "–";
  }
  const interval = score.low !== null && score.high !== null ? ` [${score.low.toFixed(1)}, ${score.high.toFixed(1)}]` : "";
  return `${score.score.toFixed(1)}${interval} n=${score.responses}`;
}

/** A pain point's title for a candidate, in words. */
export function candidateTitle(candidate: Candidate): string {
  switch (candidate.kind) {
    case "drop-off":
      return `Customers drop off after “${candidate.touchpointName}”`;
    case "slow":
      return `“${candidate.touchpointName}” takes longer than planned`;
    case "low-score":
      return `Low scores at “${candidate.touchpointName}”`;
    case "repeats":
      return `Customers repeat “${candidate.touchpointName}”`;
    default:
      return `Customers skip or reorder “${candidate.touchpointName}”`;
  }
}

/** The evidence of a candidate as a pain point's description. */
export function candidateDescription(candidate: Candidate): string {
  const numbers = Object.entries(candidate.evidence).map(([name, value]) => `${name} ${Number.isInteger(value) ? value : value.toFixed(3)}`).join(", ");
  const quotes = candidate.comments.length > 0 ? ` Customers said: ${candidate.comments.map((comment) => `“${comment}”`).join(" ")}` : "";
  return `From the evidence: ${candidate.affected} customers affected (${numbers}).${quotes}`;
}

type Coverage = Present<Schemas["MappingCoverage"]>;

/** The mapping view: how much of the workspace's events the touchpoints cover, and the frequent events none of
 * them matches, each with one action to map it to a touchpoint or to add it as a new touchpoint. */
export function MappingPanel({ workspaceId, journeyId, journey, version, readOnly, onMap, onAdd, onClose }: {
  workspaceId: string;
  journeyId: string;
  journey: { stages: { id: string; name: string; touchpoints: { id: string; name: string }[] }[] };
  version: number;
  readOnly: boolean;
  onMap: (touchpointId: string, eventName: string) => void;
  onAdd: (stageId: string, eventName: string) => void;
  onClose: () => void;
}) {
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  useEffect(() => {
    let current = true;
    void api
      .GET("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/mapping", { params: { path: { workspaceId, journeyId }, query: { top: 30 } } })
      .then((result) => current && setCoverage(result.data ? present(result.data) : null));
    return () => {
      current = false;
    };
  }, [workspaceId, journeyId, version]);

  return (
    <aside className="side-panel evidence-panel" aria-label="Event mapping">
      <header className="panel-header">
        <h2>Event mapping</h2>
        <button type="button" aria-label="Close the mapping panel" onClick={onClose}>×</button>
      </header>
      {!coverage ? <p className="muted">Loading…</p> : (
        <>
          <p data-field="coverage">
            <strong>{percent(coverage.share)}</strong> of {coverage.events.toLocaleString()} events map to a touchpoint.
          </p>
          {coverage.unmatched.length === 0 ? <p className="muted">Every event maps to a touchpoint.</p> : (
            <table className="evidence-table">
              <thead><tr><th scope="col">Unmatched event</th><th scope="col">Events</th>{!readOnly && <th scope="col">Action</th>}</tr></thead>
              <tbody>
                {coverage.unmatched.map((item) => (
                  <tr key={`${item.event}|${item.channel ?? ""}`} data-event={item.event}>
                    <td>{item.event}{item.channel ? <span className="muted"> · {item.channel}</span> : null}</td>
                    <td>{item.events.toLocaleString()}</td>
                    {!readOnly && (
                      <td>
                        <select
                          aria-label={`Map ${item.event}${item.channel ? ` on ${item.channel}` : ""}`}
                          value=""
                          onChange={(event) => {
                            const [kind, id] = event.target.value.split(":");
                            if (kind === "tp" && id) {
                              onMap(id, item.event);
                            } else if (kind === "stage" && id) {
                              onAdd(id, item.event);
                            }
                          }}
                        >
                          <option value="">Map to…</option>
                          {journey.stages.map((stage) => (
                            <optgroup key={stage.id} label={stage.name}>
                              {stage.touchpoints.map((touchpoint) => <option key={touchpoint.id} value={`tp:${touchpoint.id}`}>{touchpoint.name}</option>)}
                              <option value={`stage:${stage.id}`}>+ New touchpoint in {stage.name}</option>
                            </optgroup>
                          ))}
                        </select>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </aside>
  );
}

type Actual = Present<Schemas["ActualJourney"]>;

const complianceText: Record<string, string> = {
  "as-planned": "as planned",
  repeat: "repeat",
  late: "late",
  "out-of-order": "out of order",
  unplanned: "unplanned (deviation)",
  outside: "outside the journey",
};

/** One customer's actual journey as a CJML deviation diagram: the events in time order down a line, mapped ones as
 * touchpoints (circles for communications, squares for actions) and deviations marked. */
export function ActualJourneyPanel({ workspaceId, journeyId, journey, onClose }: {
  workspaceId: string;
  journeyId: string;
  journey: { stages: { touchpoints: { id: string; name: string; form: string; initiator?: string | null; receiver?: string | null; actor?: string | null }[] }[] };
  onClose: () => void;
}) {
  const [customer, setCustomer] = useState("");
  const [actual, setActual] = useState<Actual | null>(null);
  const [error, setError] = useState<string | null>(null);
  const touchpoints = new Map(journey.stages.flatMap((stage) => stage.touchpoints).map((touchpoint) => [touchpoint.id, touchpoint]));

  async function open(id: string) {
    const result = await api.GET("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/actual", { params: { path: { workspaceId, journeyId }, query: { customer: id } } });
    setActual(result.data ? present(result.data) : null);
    setError(result.data ? null : ((result.error as { detail?: string } | undefined)?.detail ?? "No such customer."));
  }

  return (
    <aside className="side-panel evidence-panel" aria-label="Actual journey">
      <header className="panel-header">
        <h2>Actual journey</h2>
        <button type="button" aria-label="Close the actual journey" onClick={onClose}>×</button>
      </header>
      <form onSubmit={(event) => { event.preventDefault(); void open(customer.trim()); }}>
        <label>Customer id <input aria-label="Customer id" value={customer} onChange={(event) => setCustomer(event.target.value)} /></label>{" "}
        <button type="submit" disabled={!customer.trim()}>Show</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {actual && (
        <>
          <p className={actual.conformant ? "conformant" : "deviating"} data-field="conformant">
            {actual.conformant ? "Followed the planned journey." : "Deviated from the planned journey."}
            {actual.skipped.length > 0 && ` Skipped: ${actual.skipped.map((key) => touchpoints.get(key)?.name ?? key).join(", ")}.`}
          </p>
          <ol className="actual-steps">
            {actual.steps.map((step, index) => {
              const touchpoint = step.touchpoint ? touchpoints.get(step.touchpoint) : undefined;
              const shape = touchpoint?.form === "communication" ? "circle" : "square";
              return (
                <li key={index} className={`step ${step.compliance}`} data-compliance={step.compliance}>
                  <span className={`marker ${step.touchpoint ? shape : "deviation"}`} aria-hidden="true" />
                  <div>
                    <strong>{touchpoint?.name ?? step.event}</strong>
                    <div className="muted">
                      {new Date(step.timestampMilliseconds).toISOString().replace("T", " ").slice(0, 16)} · {step.event}
                      {step.channel ? ` · ${step.channel}` : ""}
                      {touchpoint && touchpoint.form === "communication" ? ` · ${touchpoint.initiator ?? "?"} → ${touchpoint.receiver ?? "?"}` : touchpoint?.actor ? ` · ${touchpoint.actor}` : ""}
                    </div>
                    <div className="compliance">{complianceText[step.compliance] ?? step.compliance}{step.secondsFromPrevious !== null ? ` · after ${duration(step.secondsFromPrevious)}` : ""}</div>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </aside>
  );
}


/** Planned versus actual for the journey: how many customers followed the plan, what the others did, and the ten
 * most common paths they took instead. */
export function ConformancePanel({ evidence, names, onClose }: { evidence: Evidence; names: Map<string, string>; onClose: () => void }) {
  const segments = evidence.report?.segments ?? [];
  return (
    <aside className="side-panel evidence-panel" aria-label="Conformance">
      <header className="panel-header">
        <h2>Planned versus actual</h2>
        <button type="button" aria-label="Close the conformance panel" onClick={onClose}>×</button>
      </header>
      {segments.length === 0 ? <p className="muted">No evidence loaded.</p> : (
        <table className="evidence-table">
          <thead><tr><th scope="col">Customers</th>{segments.map((segment) => <th key={segment.segment} scope="col">{segment.segment}</th>)}</tr></thead>
          <tbody>
            {([
              ["Entered", (c) => c.customers.toLocaleString()],
              ["As planned", (c) => `${c.conformant.toLocaleString()} (${percent(c.conformantShare)})`],
              ["Skipped a touchpoint", (c) => c.skipped.toLocaleString()],
              ["Out of order", (c) => c.outOfOrder.toLocaleString()],
              ["Unplanned events between", (c) => c.deviating.toLocaleString()],
              ["Late", (c) => c.late.toLocaleString()],
            ] as [string, (c: EvidenceReport["segments"][number]["conformance"]) => string][]).map(([label, value]) => (
              <tr key={label}><th scope="row">{label}</th>{segments.map((segment) => <td key={segment.segment}>{value(segment.conformance)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      )}
      {segments[0] && (
        <section>
          <h3>Most common paths instead of the plan</h3>
          <ol className="deviating-paths">
            {segments[0].conformance.paths.map((path, index) => (
              <li key={index} data-count={path.count}>
                <strong>{path.count.toLocaleString()}</strong>{" "}
                {path.steps.map((step, s) => (
                  <span key={s} className={step.touchpoint ? "path-step" : "path-step unplanned"}>
                    {s > 0 ? " → " : ""}{step.touchpoint ? (names.get(step.touchpoint) ?? step.touchpoint) : `(${step.unplannedEvent})`}
                  </span>
                ))}
              </li>
            ))}
          </ol>
          <p className="muted">Unplanned events are in brackets.</p>
        </section>
      )}
    </aside>
  );
}


/** The scores of the answers about a stage as a whole, for its header: only metrics with answers. */
export function stageScores(stage: EvidenceReport["stages"][number]): { text: string; detail: string }[] {
  return [
    { name: "NPS", score: stage.nps, text: (value: number) => value.toFixed(0) },
    { name: "CSAT", score: stage.csat, text: (value: number) => `${value.toFixed(0)}%` },
    { name: "CES", score: stage.ces, text: (value: number) => value.toFixed(1) },
  ]
    .filter((item) => item.score.responses > 0 && item.score.score !== null)
    .map((item) => ({
      text: `${item.name} ${item.text(item.score.score!)}`,
      detail: `${item.name} ${item.score.score!.toFixed(1)}${item.score.low !== null && item.score.high !== null ? ` [${item.score.low.toFixed(1)}, ${item.score.high.toFixed(1)}]` : ""}, n = ${item.score.responses}`,
    }));
}
