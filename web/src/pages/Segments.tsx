import { useState, type FormEvent } from "react";
import { api, describe, ifMatch, present, type Present, type Schemas, type Workspace } from "../api/client";
import { useObjectList } from "../api/useObjectList";

type Segment = Present<Schemas["Segment"]>;
type Condition = Schemas["SegmentCondition"];

const operatorText: Record<Schemas["MatchOperator"], string> = { equals: "=", "not-equals": "≠", contains: "contains", exists: "is present" };

/** A segment's rule in words, for the list. */
function ruleText(segment: Segment): string {
  return segment.conditions
    .map((item) => `${item.scope === "event" ? "an event's " : ""}${item.condition.property} ${operatorText[item.condition.operator]}${item.condition.operator === "exists" ? "" : ` “${item.condition.value ?? ""}”`}`)
    .join(segment.matchAll ? " and " : " or ");
}

/** The workspace's saved segments: data-defined groups of customers, compared on journey maps. */
export function Segments({ workspace }: { workspace: Workspace }) {
  const path = { workspaceId: workspace.id };
  const { items: segments, error, load, remove } = useObjectList<Segment>(
    workspace.id,
    "segment",
    async () => present((await api.GET("/api/v1/workspaces/{workspaceId}/segments", { params: { path } })).data ?? []),
    (segment) => api.DELETE("/api/v1/workspaces/{workspaceId}/segments/{segmentId}", { params: { path: { ...path, segmentId: segment.id } } }),
  );
  const [editing, setEditing] = useState<Segment | "new" | null>(null);
  const canEdit = workspace.role !== "viewer";

  return (
    <main className="list-page">
      <div className="list-head">
        <div>
          <h1>Segments</h1>
          <p className="muted">Groups of customers defined by their properties or their events, compared side by side on journey maps.</p>
        </div>
        {canEdit && <button className="primary" type="button" onClick={() => setEditing("new")}>New segment</button>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {segments === null ? (
        <p className="muted" aria-busy="true">Loading segments…</p>
      ) : segments.length === 0 ? (
        <div className="empty"><p>No segments yet.</p></div>
      ) : (
        <table className="data segment-table">
          <thead><tr><th scope="col">Segment</th><th scope="col">Rule</th>{canEdit && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr></thead>
          <tbody>
            {segments.map((segment) => (
              <tr key={segment.id} data-segment={segment.name}>
                <th scope="row">{segment.name}{segment.description && <div className="muted">{segment.description}</div>}</th>
                <td data-field="rule">{ruleText(segment)}</td>
                {canEdit && (
                  <td>
                    <button type="button" className="ghost" onClick={() => setEditing(segment)}>Edit</button>
                    <button type="button" className="ghost danger" onClick={() => void remove(segment)}>Delete</button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <SegmentDialog
          workspace={workspace}
          segment={editing === "new" ? undefined : editing}
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

function SegmentDialog({ workspace, segment, onClose, onSaved }: { workspace: Workspace; segment?: Segment; onClose: () => void; onSaved: () => void }) {
  const [name, setName] = useState(segment?.name ?? "");
  const [description, setDescription] = useState(segment?.description ?? "");
  const [matchAll, setMatchAll] = useState(segment?.matchAll ?? true);
  const [conditions, setConditions] = useState<Condition[]>(segment?.conditions ?? [{ scope: "customer", condition: { property: "", operator: "equals", value: "" } }]);
  const [error, setError] = useState<string | null>(null);

  function change(index: number, { scope, ...next }: Partial<Condition["condition"]> & { scope?: Condition["scope"] }) {
    setConditions(conditions.map((item, i) => {
      if (i !== index) {
        return item;
      }
      const operator = next.operator ?? item.condition.operator;
      return { scope: scope ?? item.scope, condition: { ...item.condition, ...next, value: operator === "exists" ? null : (next.value ?? item.condition.value ?? "") } };
    }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { name, description: description || null, matchAll, conditions };
    const result = segment
      ? await api.PUT("/api/v1/workspaces/{workspaceId}/segments/{segmentId}", {
          params: { path: { workspaceId: workspace.id, segmentId: segment.id } },
          body,
          headers: ifMatch(Number(segment.version)),
        })
      : await api.POST("/api/v1/workspaces/{workspaceId}/segments", { params: { path: { workspaceId: workspace.id } }, body });
    if (result.error) {
      setError(describe(result.error));
    } else {
      onSaved();
    }
  }

  return (
    <div className="dialog-backdrop">
      <form className="dialog wide" role="dialog" aria-modal="true" aria-labelledby="segment-title" onSubmit={submit}>
        <h2 id="segment-title">{segment ? `Edit ${segment.name}` : "New segment"}</h2>
        <label>Name<input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoFocus /></label>
        <label>Description<textarea value={description} rows={2} onChange={(e) => setDescription(e.target.value)} /></label>
        <label>
          Customers who meet{" "}
          <select aria-label="Match" value={matchAll ? "all" : "any"} onChange={(e) => setMatchAll(e.target.value === "all")}>
            <option value="all">all of these conditions</option>
            <option value="any">any of these conditions</option>
          </select>
        </label>
        {conditions.map((item, index) => (
          <div key={index} className="segment-condition" role="group" aria-label={`Condition ${index + 1}`}>
            <select aria-label={`Whose property ${index + 1}`} value={item.scope} onChange={(e) => change(index, { scope: e.target.value as Condition["scope"] })}>
              <option value="customer">The customer's</option>
              <option value="event">One of their events'</option>
            </select>
            <input aria-label={`Property ${index + 1}`} placeholder="property (e.g. channel)" value={item.condition.property} onChange={(e) => change(index, { property: e.target.value })} required />
            <select aria-label={`Operator ${index + 1}`} value={item.condition.operator} onChange={(e) => change(index, { operator: e.target.value as Schemas["MatchOperator"] })}>
              {Object.entries(operatorText).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
            </select>
            {item.condition.operator !== "exists" && (
              <input aria-label={`Value ${index + 1}`} placeholder="value" value={item.condition.value ?? ""} onChange={(e) => change(index, { value: e.target.value })} />
            )}
            <button type="button" aria-label={`Remove condition ${index + 1}`} disabled={conditions.length === 1} onClick={() => setConditions(conditions.filter((_, i) => i !== index))}>×</button>
          </div>
        ))}
        <button type="button" disabled={conditions.length >= 20} onClick={() => setConditions([...conditions, { scope: "customer", condition: { property: "", operator: "equals", value: "" } }])}>+ Condition</button>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary">Save segment</button>
        </div>
      </form>
    </div>
  );
}
