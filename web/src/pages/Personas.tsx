import { useState, type FormEvent } from "react";
import { api, describe, ifMatch, present, type Persona, type Workspace } from "../api/client";
import { useObjectList } from "../api/useObjectList";

const lists = [
  { key: "goals", name: "Goals" },
  { key: "needs", name: "Needs" },
  { key: "frustrations", name: "Frustrations" },
  { key: "traits", name: "Traits" },
] as const;

type Draft = { name: string; description: string; goals: string; needs: string; frustrations: string; traits: string };

function draftOf(persona?: Persona): Draft {
  return {
    name: persona?.name ?? "",
    description: persona?.description ?? "",
    goals: (persona?.goals ?? []).join("\n"),
    needs: (persona?.needs ?? []).join("\n"),
    frustrations: (persona?.frustrations ?? []).join("\n"),
    traits: (persona?.traits ?? []).join("\n"),
  };
}

const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);

/** The workspace's persona library: who the journeys are drawn for. */
export function Personas({ workspace }: { workspace: Workspace }) {
  const path = { workspaceId: workspace.id };
  const { items: personas, error, load, remove } = useObjectList<Persona>(
    workspace.id,
    "persona",
    async () => present((await api.GET("/api/v1/workspaces/{workspaceId}/personas", { params: { path } })).data ?? []),
    (persona) => api.DELETE("/api/v1/workspaces/{workspaceId}/personas/{personaId}", { params: { path: { ...path, personaId: persona.id } } }),
  );
  const [editing, setEditing] = useState<Persona | "new" | null>(null);
  const canEdit = workspace.role !== "viewer";

  return (
    <main className="list-page">
      <div className="list-head">
        <div>
          <h1>Personas</h1>
          <p className="muted">Who your journeys are drawn for: their goals, needs, frustrations and traits.</p>
        </div>
        {canEdit && <button className="primary" type="button" onClick={() => setEditing("new")}>New persona</button>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {personas === null ? (
        <p className="muted" aria-busy="true">Loading personas…</p>
      ) : personas.length === 0 ? (
        <div className="empty"><p>No personas yet.</p></div>
      ) : (
        <ul className="persona-grid">
          {personas.map((persona) => (
            <li key={persona.id} className="persona-card">
              <div className="persona-head">
                <span className="avatar" aria-hidden="true">{persona.name.slice(0, 1).toUpperCase()}</span>
                <div>
                  <h2>{persona.name}</h2>
                  {persona.description && <p className="muted">{persona.description}</p>}
                </div>
              </div>
              <div className="persona-lists">
                {lists.map((list) => (
                  <section key={list.key}>
                    <h3>{list.name}</h3>
                    {persona[list.key].length === 0 ? <p className="muted">—</p> : (
                      <ul>{persona[list.key].map((item, i) => <li key={i}>{item}</li>)}</ul>
                    )}
                  </section>
                ))}
              </div>
              {canEdit && (
                <div className="tile-actions">
                  <button type="button" className="ghost" onClick={() => setEditing(persona)}>Edit</button>
                  <button type="button" className="ghost danger" onClick={() => void remove(persona)}>Delete</button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <PersonaDialog
          workspace={workspace}
          persona={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      )}
    </main>
  );
}

function PersonaDialog({ workspace, persona, onClose, onSaved }: { workspace: Workspace; persona?: Persona; onClose: () => void; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>(draftOf(persona));
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      name: draft.name,
      description: draft.description || null,
      goals: lines(draft.goals),
      needs: lines(draft.needs),
      frustrations: lines(draft.frustrations),
      traits: lines(draft.traits),
    };
    const result = persona
      ? await api.PUT("/api/v1/workspaces/{workspaceId}/personas/{personaId}", {
          params: { path: { workspaceId: workspace.id, personaId: persona.id } },
          body,
          headers: ifMatch(Number(persona.version)),
        })
      : await api.POST("/api/v1/workspaces/{workspaceId}/personas", { params: { path: { workspaceId: workspace.id } }, body });
    if (result.error) {
      setError(describe(result.error));
    } else {
      onSaved();
    }
  }

  return (
    <div className="dialog-backdrop">
      <form className="dialog wide" role="dialog" aria-modal="true" aria-labelledby="persona-title" onSubmit={submit}>
        <h2 id="persona-title">{persona ? `Edit ${persona.name}` : "New persona"}</h2>
        <label>Name<input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required maxLength={200} autoFocus /></label>
        <label>Description<textarea value={draft.description} rows={2} onChange={(e) => setDraft({ ...draft, description: e.target.value })} /></label>
        <div className="two-columns">
          {lists.map((list) => (
            <label key={list.key}>
              {list.name} <span className="muted">(one per line)</span>
              <textarea rows={4} value={draft[list.key]} onChange={(e) => setDraft({ ...draft, [list.key]: e.target.value })} />
            </label>
          ))}
        </div>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary">Save persona</button>
        </div>
      </form>
    </div>
  );
}
