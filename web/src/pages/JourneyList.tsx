import { useEffect, useState, type FormEvent } from "react";
import { api, describe, present, type JourneySummary, type Persona, type Workspace } from "../api/client";
import { Link } from "../components/Link";
import { navigate } from "../router";

const templates = [
  { id: "purchase", name: "Purchase journey", text: "Awareness to advocacy: the classic five stages of buying." },
  { id: "service", name: "Service blueprint", text: "Frontstage, backstage and support processes of a service." },
  { id: "experience", name: "Experience map", text: "Living with a product over time, beyond one purchase." },
] as const;

const statuses = ["draft", "in-review", "published", "archived"] as const;
const types = ["purchase", "service", "experience"] as const;

/** The workspace's journeys: search, filters, create from a template, duplicate, delete. */
export function JourneyList({ workspace }: { workspace: Workspace }) {
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("");
  const [type, setType] = useState("");
  const [persona, setPersona] = useState("");
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<JourneySummary | null>(null);
  const canEdit = workspace.role !== "viewer";

  async function load() {
    const result = await api.GET("/api/v1/workspaces/{workspaceId}/journeys", {
      params: {
        path: { workspaceId: workspace.id },
        query: { search: search || undefined, status: (status || undefined) as never, type: (type || undefined) as never, persona: persona || undefined },
      },
    });
    if (result.data) {
      setJourneys(present(result.data));
      setError(null);
    } else {
      setError(describe(result.error));
    }
  }

  useEffect(() => {
    const timer = window.setTimeout(() => void load(), search ? 200 : 0);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace.id, search, status, type, persona]);

  useEffect(() => {
    void api.GET("/api/v1/workspaces/{workspaceId}/personas", { params: { path: { workspaceId: workspace.id } } }).then((result) => setPersonas(present(result.data ?? [])));
  }, [workspace.id]);

  async function duplicate(journey: JourneySummary) {
    const result = await api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/duplicate", {
      params: { path: { workspaceId: workspace.id, journeyId: journey.id } },
      body: { name: `${journey.name} (copy)` },
    });
    if (result.data) {
      await load();
    } else {
      setError(describe(result.error));
    }
  }

  async function remove(journey: JourneySummary) {
    const result = await api.DELETE("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}", {
      params: { path: { workspaceId: workspace.id, journeyId: journey.id } },
    });
    setDeleting(null);
    if (result.error) {
      setError(describe(result.error));
    }
    await load();
  }

  return (
    <main className="list-page">
      <div className="list-head">
        <div>
          <h1>Journeys</h1>
          <p className="muted">{workspace.name}</p>
        </div>
        {canEdit && (
          <button className="primary" type="button" onClick={() => setCreating(true)}>
            New journey
          </button>
        )}
      </div>
      <div className="filters" role="search">
        <label className="search">
          <span className="visually-hidden">Search journeys</span>
          <input type="search" placeholder="Search by name, goal or owner" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any (not archived)</option>
            {statuses.map((value) => (
              <option key={value} value={value}>{value}</option>
            ))}
          </select>
        </label>
        <label>
          Persona
          <select value={persona} onChange={(e) => setPersona(e.target.value)}>
            <option value="">Any</option>
            {personas.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>{candidate.name}</option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">Any</option>
            {types.map((value) => (
              <option key={value} value={value}>{value}</option>
            ))}
          </select>
        </label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {journeys === null ? (
        <p className="muted" aria-busy="true">Loading journeys…</p>
      ) : journeys.length === 0 ? (
        <div className="empty">
          <p>No journeys match.</p>
          {canEdit && <button type="button" onClick={() => setCreating(true)}>Create one from a template</button>}
        </div>
      ) : (
        <ul className="journey-grid">
          {journeys.map((journey) => (
            <li key={journey.id} className="journey-tile">
              <Link href={`/w/${workspace.id}/journeys/${journey.id}`} className="tile-link">
                <Thumbnail workspace={workspace} journey={journey} />
                <span className="tile-name">{journey.name}</span>
              </Link>
              <div className="tile-meta">
                <span className={`status status-${journey.status}`}>{journey.status}</span>
                <span>{journey.type}</span>
                <span>{journey.stages} stages · {journey.touchpoints} touchpoints</span>
              </div>
              <div className="tile-meta">
                {journey.painPoints > 0 && <span className="pill pain">{journey.painPoints} pain points</span>}
                {journey.opportunities > 0 && <span className="pill opportunity">{journey.opportunities} opportunities</span>}
                {journey.owner && <span className="owner">{journey.owner}</span>}
              </div>
              {canEdit && (
                <div className="tile-actions">
                  <button type="button" className="ghost" onClick={() => void duplicate(journey)}>Duplicate</button>
                  <button type="button" className="ghost danger" onClick={() => setDeleting(journey)}>Delete</button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {creating && <CreateJourney workspace={workspace} onClose={() => setCreating(false)} />}
      {deleting && (
        <div className="dialog-backdrop">
          <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="delete-title">
            <h2 id="delete-title">Delete “{deleting.name}”?</h2>
            <p>The journey, its cards, pain points and opportunities are deleted for everyone in the workspace. This cannot be undone.</p>
            <div className="dialog-actions">
              <button type="button" onClick={() => setDeleting(null)} autoFocus>Keep it</button>
              <button type="button" className="danger-solid" onClick={() => void remove(deleting)}>Delete journey</button>
            </div>
          </div>
        </div>
      )}
    </main>
  );
}

function Thumbnail({ workspace, journey }: { workspace: Workspace; journey: JourneySummary }) {
  // The server draws the miniature from the real map; the version in the address refreshes it after every edit.
  return (
    <img
      className="thumbnail"
      src={`/api/v1/workspaces/${workspace.id}/journeys/${journey.id}/thumbnail.svg?v=${journey.version}`}
      width={240}
      height={96}
      alt={`Miniature: ${journey.stages} stages, ${journey.touchpoints} touchpoints`}
      loading="lazy"
    />
  );
}

function CreateJourney({ workspace, onClose }: { workspace: Workspace; onClose: () => void }) {
  const [name, setName] = useState("");
  const [template, setTemplate] = useState<string>("purchase");
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await api.POST("/api/v1/workspaces/{workspaceId}/journeys", {
      params: { path: { workspaceId: workspace.id } },
      body: { name, template: template || null },
    });
    if (result.data) {
      navigate(`/w/${workspace.id}/journeys/${result.data.id}`);
    } else {
      setError(describe(result.error));
    }
  }

  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="create-title" onSubmit={submit}>
        <h2 id="create-title">New journey</h2>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoFocus />
        </label>
        <fieldset className="templates">
          <legend>Start from</legend>
          {templates.map((candidate) => (
            <label key={candidate.id} className={`template ${template === candidate.id ? "selected" : ""}`}>
              <input type="radio" name="template" value={candidate.id} checked={template === candidate.id} onChange={() => setTemplate(candidate.id)} />
              <strong>{candidate.name}</strong>
              <span>{candidate.text}</span>
            </label>
          ))}
          <label className={`template ${template === "" ? "selected" : ""}`}>
            <input type="radio" name="template" value="" checked={template === ""} onChange={() => setTemplate("")} />
            <strong>Blank</strong>
            <span>An empty map to draw from scratch.</span>
          </label>
        </fieldset>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary">Create journey</button>
        </div>
      </form>
    </div>
  );
}
