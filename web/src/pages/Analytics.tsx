import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { api, currentAntiforgeryToken, describe, type Schemas, type Workspace } from "../api/client";
import { duration, FunnelChart, GraphView, Histogram, percent, Sankey } from "../analytics/charts";
import { uploadEvents, type EventImport } from "../analytics/upload";

type Tab = "funnel" | "paths" | "dfg" | "variants" | "retention";
const tabs: { id: Tab; name: string }[] = [
  { id: "funnel", name: "Funnel" },
  { id: "paths", name: "Paths" },
  { id: "dfg", name: "Directly-follows" },
  { id: "variants", name: "Variants" },
  { id: "retention", name: "Retention" },
];
const number = new Intl.NumberFormat("en");

/** The workspace's events: import a log, then funnels, paths, the directly-follows graph, variants and retention,
 * all computed by the server. */
export function Analytics({ workspace }: { workspace: Workspace }) {
  const [graph, setGraph] = useState<Schemas["DirectlyFollowsReport"] | null>(null);
  const [tab, setTab] = useState<Tab>("funnel");
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const path = { workspaceId: workspace.id };

  useEffect(() => {
    // Each effect keeps only the answer to its own request: an older, slower answer never replaces a newer one.
    let current = true;
    void api.GET("/api/v1/workspaces/{workspaceId}/analytics/dfg", { params: { path } }).then((result) => {
      if (!current) return;
      if (result.data) {
        setGraph(result.data);
      } else {
        setError(describe(result.error));
      }
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace.id, revision]);

  const activities = useMemo(() => {
    if (!graph) return [];
    const counts = new Map<string, number>();
    for (const edge of graph.edges ?? []) counts.set(edge.to, (counts.get(edge.to) ?? 0) + Number(edge.count));
    for (const [name, count] of Object.entries(graph.start ?? {})) counts.set(name, (counts.get(name) ?? 0) + Number(count));
    return [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  }, [graph]);

  return (
    <main className="analytics-page">
      <div className="list-head">
        <div>
          <h1>Analytics</h1>
          <p className="muted">
            {graph ? `${number.format(Number(graph.cases))} customers · ${number.format(Number(graph.events))} events · ${graph.activities} event types` : "Loading…"}
          </p>
        </div>
      </div>
      <Importer workspace={workspace} onImported={() => setRevision((r) => r + 1)} />
      {error && <p className="error" role="alert">{error}</p>}
      <div className="tabs" role="tablist" aria-label="Analyses">
        {tabs.map((candidate) => (
          <button key={candidate.id} role="tab" type="button" aria-selected={tab === candidate.id} className={tab === candidate.id ? "tab active" : "tab"} onClick={() => setTab(candidate.id)}>
            {candidate.name}
          </button>
        ))}
      </div>
      <section className="panel" role="tabpanel" aria-label={tabs.find((t) => t.id === tab)!.name}>
        {graph && Number(graph.events) === 0 ? (
          <p className="muted">No events in this workspace yet. Import a CSV, XES or NDJSON log above.</p>
        ) : tab === "funnel" ? (
          <FunnelView workspace={workspace} activities={activities} revision={revision} />
        ) : tab === "paths" ? (
          <PathsView workspace={workspace} revision={revision} />
        ) : tab === "dfg" ? (
          graph && <DfgView graph={graph} />
        ) : tab === "variants" ? (
          <VariantsView workspace={workspace} revision={revision} />
        ) : (
          <RetentionView workspace={workspace} activities={activities} revision={revision} />
        )}
      </section>
    </main>
  );
}

function Importer({ workspace, onImported }: { workspace: Workspace; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<{ loaded: number; total: number } | null>(null);
  const [job, setJob] = useState<EventImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onError, setOnError] = useState("fail");
  const [channel, setChannel] = useState("");
  const busy = sent !== null && (job === null || job.status === "running");

  async function start(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setJob(null);
    setSent({ loaded: 0, total: file.size });
    try {
      const options: Record<string, string> = { onError };
      if (channel) options.channel = channel;
      const answer = await uploadEvents(workspace.id, file, options, currentAntiforgeryToken(), (loaded, total) => setSent({ loaded, total }));
      if (answer.status !== 202 && answer.status !== 201) {
        setError(describe(answer.body));
        setSent(null);
        return;
      }
      let current = answer.body as EventImport;
      setJob(current);
      while (current.status === "running") {
        await new Promise((resolve) => window.setTimeout(resolve, 400));
        const poll = await api.GET("/api/v1/workspaces/{workspaceId}/events/imports/{importId}", { params: { path: { workspaceId: workspace.id, importId: current.id } } });
        if (!poll.data) {
          setError(describe(poll.error));
          return;
        }
        current = poll.data;
        setJob(current);
      }
      if (current.status === "succeeded") {
        onImported();
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setSent(null);
    }
  }

  const uploadShare = sent ? sent.loaded / Math.max(1, sent.total) : 0;
  const importShare = job && Number(job.bytesTotal) > 0 ? Number(job.bytesRead) / Number(job.bytesTotal) : 0;
  return (
    <form className="importer" onSubmit={start} aria-label="Import events">
      <label className="file">
        Event log (CSV, XES, XES.GZ, NDJSON)
        <input type="file" accept=".csv,.xes,.gz,.ndjson,.jsonl,.txt" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </label>
      <label>
        Channel column
        <input value={channel} placeholder="optional" onChange={(event) => setChannel(event.target.value)} />
      </label>
      <label>
        Bad rows
        <select value={onError} onChange={(event) => setOnError(event.target.value)}>
          <option value="fail">stop the import</option>
          <option value="skip">skip and report them</option>
        </select>
      </label>
      <button type="submit" className="primary" disabled={!file || busy || workspace.role === "viewer"}>Import</button>
      {sent && (
        <div className="progress-block">
          <progress max={1} value={job ? importShare : uploadShare} aria-label={job ? "Import progress" : "Upload progress"} />
          <span className="muted">
            {!job
              ? `Uploading ${percent(uploadShare)}`
              : job.status === "succeeded"
                ? `Imported ${number.format(Number(job.imported))} events from ${number.format(Number(job.rows))} rows (${number.format(Number(job.duplicates))} duplicates, ${number.format(Number(job.badRowCount))} bad rows)`
                : job.status === "failed"
                  ? `Failed: ${job.error ?? "the import did not complete"}`
                  : `Importing ${percent(importShare)}`}
          </span>
        </div>
      )}
      {job && (job.badRows ?? []).length > 0 && (
        <table className="data bad-rows">
          <caption>Bad rows</caption>
          <thead><tr><th>Line</th><th>Reason</th></tr></thead>
          <tbody>
            {(job.badRows ?? []).slice(0, 20).map((row, i) => (
              <tr key={i}><td>{String(row.line)}</td><td>{row.reason}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}

function FunnelView({ workspace, activities, revision }: { workspace: Workspace; activities: string[]; revision: number }) {
  const [steps, setSteps] = useState<string[]>([]);
  const [window_, setWindow] = useState("14d");
  const [mode, setMode] = useState("ordered");
  const [breakdown, setBreakdown] = useState("");
  const [funnel, setFunnel] = useState<Schemas["FunnelResponse"] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const suggested = useRef(false);
  useEffect(() => {
    // Suggest the three most frequent events once; after that the steps are the user's.
    if (!suggested.current && activities.length > 0) {
      suggested.current = true;
      setSteps(activities.slice(0, 3));
    }
  }, [activities]);

  useEffect(() => {
    if (steps.length === 0) return;
    let current = true;
    void api
      .GET("/api/v1/workspaces/{workspaceId}/analytics/funnel", {
        params: { path: { workspaceId: workspace.id }, query: { steps, window: window_, mode, breakdown: breakdown || undefined } },
        querySerializer: { array: { style: "form", explode: true } },
      })
      .then((result) => {
        if (!current) return;
        setFunnel(result.data ?? null);
        setError(result.data ? null : describe(result.error));
      });
    return () => {
      current = false;
    };
  }, [workspace.id, steps, window_, mode, breakdown, revision]);

  return (
    <div className="funnel-view">
      <div className="controls">
        <div className="steps" aria-label="Funnel steps">
          {steps.map((step, i) => (
            <span key={`${step}-${i}`} className="chip">
              {i + 1}. {step}
              <button type="button" aria-label={`Remove step ${step}`} onClick={() => setSteps(steps.filter((_, j) => j !== i))}>×</button>
            </span>
          ))}
          <label>
            <span className="visually-hidden">Add a step</span>
            <select value="" onChange={(event) => event.target.value && setSteps([...steps, event.target.value])}>
              <option value="">+ Step</option>
              {activities.map((activity) => (
                <option key={activity} value={activity}>{activity}</option>
              ))}
            </select>
          </label>
        </div>
        <label>Window<input value={window_} onChange={(event) => setWindow(event.target.value)} size={6} /></label>
        <label>
          Mode
          <select value={mode} onChange={(event) => setMode(event.target.value)}>
            <option value="ordered">ordered</option>
            <option value="strict">strict</option>
            <option value="any">any order</option>
          </select>
        </label>
        <label>Breakdown<input value={breakdown} placeholder="event:channel or a property" onChange={(event) => setBreakdown(event.target.value)} /></label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {funnel && (
        <>
          <FunnelChart funnel={funnel} />
          {(funnel.histograms ?? []).some((bins) => bins.length > 0) && (
            <div className="histograms" aria-label="Time to convert, per step">
              {(funnel.histograms ?? []).map((bins, i) => bins.length > 0 && <Histogram key={i} bins={bins} label={funnel.steps[i]?.name ?? `step ${i + 1}`} />)}
            </div>
          )}
          <table className="data funnel-table">
            <thead>
              <tr><th>Step</th><th>Customers</th><th>Conversion</th><th>From previous</th><th>Drop-off</th><th>Mean time</th><th>Median time</th></tr>
            </thead>
            <tbody>
              {funnel.steps.map((step, i) => (
                <tr key={i} data-step={i + 1}>
                  <td>{i + 1}. {step.name}</td>
                  <td className="num" data-field="count">{number.format(Number(step.count))}</td>
                  <td className="num" data-field="conversion">{percent(step.conversion as number | null)}</td>
                  <td className="num">{percent(step.stepConversion as number | null)}</td>
                  <td className="num">{step.dropOff === null || step.dropOff === undefined ? "—" : number.format(Number(step.dropOff))}</td>
                  <td className="num">{duration(step.meanSeconds as number | null)}</td>
                  <td className="num">{duration(step.medianSeconds as number | null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {funnel.breakdown && funnel.breakdown.length > 0 && (
            <table className="data">
              <caption>Breakdown by {breakdown}</caption>
              <thead>
                <tr><th>Value</th>{funnel.steps.map((_, i) => <th key={i}>Step {i + 1}</th>)}<th>Conversion</th><th>p-value</th></tr>
              </thead>
              <tbody>
                {funnel.breakdown.map((row) => (
                  <tr key={row.value}>
                    <td>{row.value}</td>
                    {row.counts.map((count, i) => <td key={i} className="num">{number.format(Number(count))}</td>)}
                    <td className="num">{percent(row.conversion as number | null)}</td>
                    <td className="num">{row.pValue === null || row.pValue === undefined ? "—" : Number(row.pValue) < 0.001 ? "< 0.001" : Number(row.pValue).toFixed(3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

function PathsView({ workspace, revision }: { workspace: Workspace; revision: number }) {
  const [paths, setPaths] = useState<Schemas["PathsReport"] | null>(null);
  const [session, setSession] = useState("30m");
  const [steps, setSteps] = useState(5);
  useEffect(() => {
    let current = true;
    void api
      .GET("/api/v1/workspaces/{workspaceId}/analytics/paths", { params: { path: { workspaceId: workspace.id }, query: { session, steps, top: 6 } } })
      .then((result) => current && setPaths(result.data ?? null));
    return () => {
      current = false;
    };
  }, [workspace.id, session, steps, revision]);
  return (
    <div>
      <div className="controls">
        <label>Session gap<input value={session} onChange={(event) => setSession(event.target.value)} size={6} /></label>
        <label>Steps<input type="number" min={2} max={10} value={steps} onChange={(event) => setSteps(Number(event.target.value))} /></label>
        {paths && <span className="muted">{number.format(Number(paths.sessions))} customer-sessions</span>}
      </div>
      <div className="scroll-x">{paths && <Sankey paths={paths} />}</div>
    </div>
  );
}

function DfgView({ graph }: { graph: Schemas["DirectlyFollowsReport"] }) {
  return (
    <div>
      <div className="scroll-x"><GraphView graph={graph} /></div>
      <table className="data">
        <thead><tr><th>From</th><th>To</th><th>Count</th><th>Mean</th><th>Median</th></tr></thead>
        <tbody>
          {(graph.edges ?? []).slice(0, 50).map((edge, i) => (
            <tr key={i}><td>{edge.from}</td><td>{edge.to}</td><td className="num">{number.format(Number(edge.count))}</td><td className="num">{duration(edge.meanSeconds as number)}</td><td className="num">{duration(edge.medianSeconds as number)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VariantsView({ workspace, revision }: { workspace: Workspace; revision: number }) {
  const [variants, setVariants] = useState<Schemas["VariantsReport"] | null>(null);
  useEffect(() => {
    let current = true;
    void api.GET("/api/v1/workspaces/{workspaceId}/analytics/variants", { params: { path: { workspaceId: workspace.id }, query: { limit: 50 } } }).then((result) => current && setVariants(result.data ?? null));
    return () => {
      current = false;
    };
  }, [workspace.id, revision]);
  if (!variants) return null;
  return (
    <table className="data variants">
      <thead><tr><th>#</th><th>Sequence</th><th>Customers</th><th>Share</th></tr></thead>
      <tbody>
        {variants.variants.map((variant, i) => (
          <tr key={i}>
            <td className="num">{i + 1}</td>
            <td>{variant.activities.map((activity, j) => <span key={j} className="chip small">{activity}</span>)}</td>
            <td className="num">{number.format(Number(variant.count))}</td>
            <td className="num">{percent(Number(variant.count) / Math.max(1, Number(variants.cases)))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RetentionView({ workspace, activities, revision }: { workspace: Workspace; activities: string[]; revision: number }) {
  const [start, setStart] = useState("");
  const [back, setBack] = useState("");
  const [period, setPeriod] = useState("week");
  const [report, setReport] = useState<Schemas["RetentionReport"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!start && activities[0]) setStart(activities[0]);
    if (!back && activities[0]) setBack(activities[0]);
  }, [activities, start, back]);
  useEffect(() => {
    if (!start || !back) return;
    let current = true;
    void api
      .GET("/api/v1/workspaces/{workspaceId}/analytics/retention", { params: { path: { workspaceId: workspace.id }, query: { startEvent: start, returnEvent: back, period, periods: 8 } } })
      .then((result) => {
        if (!current) return;
        setReport(result.data ?? null);
        setError(result.data ? null : describe(result.error));
      });
    return () => {
      current = false;
    };
  }, [workspace.id, start, back, period, revision]);
  return (
    <div>
      <div className="controls">
        <label>Start event<select value={start} onChange={(event) => setStart(event.target.value)}>{activities.map((a) => <option key={a}>{a}</option>)}</select></label>
        <label>Return event<select value={back} onChange={(event) => setBack(event.target.value)}>{activities.map((a) => <option key={a}>{a}</option>)}</select></label>
        <label>Period<select value={period} onChange={(event) => setPeriod(event.target.value)}><option>day</option><option>week</option><option>month</option></select></label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {report && (
        <table className="data retention">
          <thead><tr><th>Cohort</th><th>Customers</th>{Array.from({ length: 8 }, (_, i) => <th key={i}>{period} {i}</th>)}</tr></thead>
          <tbody>
            {report.cohorts.map((cohort) => (
              <tr key={cohort.start}>
                <td>{cohort.start}</td>
                <td className="num">{number.format(Number(cohort.size))}</td>
                {cohort.retained.map((count, i) => {
                  const share = Number(count) / Math.max(1, Number(cohort.size));
                  return <td key={i} className="num heat" style={{ background: `rgba(37, 99, 235, ${(share * 0.85).toFixed(3)})`, color: share > 0.5 ? "white" : undefined }}>{percent(share)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
