import { useEffect, useState } from "react";
import type { Journey } from "../api/client";
import * as edits from "./edits";
import type { Edit } from "./useJourney";

export type Selected = { kind: "pain-point" | "opportunity"; id: string };

const painStatuses = ["open", "investigating", "resolved", "wont-fix"] as const;
const opportunityStatuses = ["idea", "planned", "in-progress", "done", "dropped"] as const;

/** The side panel for one pain point or opportunity: one object, shown on every card that links it. */
export function LinkedPanel({ journey, selected, ids, readOnly, apply, onClose }: {
  journey: Journey;
  selected: Selected;
  ids: { workspaceId: string; journeyId: string };
  readOnly: boolean;
  apply: (edit: Edit) => void;
  onClose: () => void;
}) {
  const pain = selected.kind === "pain-point" ? journey.painPoints.find((item) => item.id === selected.id) : undefined;
  const opportunity = selected.kind === "opportunity" ? journey.opportunities.find((item) => item.id === selected.id) : undefined;
  const item = pain ?? opportunity;
  const [title, setTitle] = useState(item?.title ?? "");
  const [description, setDescription] = useState(item?.description ?? "");
  const [owner, setOwner] = useState(item?.owner ?? "");
  const [status, setStatus] = useState<string>(item?.status ?? "");
  const [severity, setSeverity] = useState(Number(pain?.severity ?? 3));
  const [value, setValue] = useState(Number(opportunity?.value ?? 3));
  const [effort, setEffort] = useState(Number(opportunity?.effort ?? 3));
  const [linkedPains, setLinkedPains] = useState<string[]>(opportunity?.painPointIds ?? []);

  useEffect(() => {
    setTitle(item?.title ?? "");
    setDescription(item?.description ?? "");
    setOwner(item?.owner ?? "");
    setStatus(item?.status ?? "");
    setSeverity(Number(pain?.severity ?? 3));
    setValue(Number(opportunity?.value ?? 3));
    setEffort(Number(opportunity?.effort ?? 3));
    setLinkedPains(opportunity?.painPointIds ?? []);
    // Reset when another object is opened or the object changes on the server.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected.id, journey.version]);

  if (!item) {
    return null;
  }

  const touchpoints = journey.stages.flatMap((stage) => stage.touchpoints).filter((tp) => item.touchpointIds.includes(tp.id));
  const cards = journey.cards.filter((card) => (pain ? card.painPointId === item.id : card.opportunityId === item.id)).length;

  function save() {
    if (pain) {
      apply(edits.savePainPoint(ids, pain.id, { title, severity, description: description || null, owner: owner || null, status: status as (typeof painStatuses)[number], touchpointIds: pain.touchpointIds }));
    } else if (opportunity) {
      apply(edits.saveOpportunity(ids, opportunity.id, {
        title, value, effort, description: description || null, owner: owner || null, status: status as (typeof opportunityStatuses)[number],
        touchpointIds: opportunity.touchpointIds, painPointIds: linkedPains,
      }));
    }
  }

  return (
    <aside className="side-panel" aria-labelledby="panel-title">
      <div className="panel-head">
        <h2 id="panel-title">{pain ? "Pain point" : "Opportunity"}</h2>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close the panel">×</button>
      </div>
      <fieldset disabled={readOnly} className="panel-fields">
        <label>Title<input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} /></label>
        <label>Description<textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} /></label>
        <label>Owner<input value={owner} onChange={(e) => setOwner(e.target.value)} placeholder="Team or person" /></label>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {(pain ? painStatuses : opportunityStatuses).map((s) => <option key={s}>{s}</option>)}
          </select>
        </label>
        {pain ? (
          <label>Severity (1–5)<input type="range" min={1} max={5} value={severity} onChange={(e) => setSeverity(Number(e.target.value))} /><span className="muted">{severity}</span></label>
        ) : (
          <>
            <label>Value (1–5)<input type="range" min={1} max={5} value={value} onChange={(e) => setValue(Number(e.target.value))} /><span className="muted">{value}</span></label>
            <label>Effort (1–5)<input type="range" min={1} max={5} value={effort} onChange={(e) => setEffort(Number(e.target.value))} /><span className="muted">{effort}</span></label>
            <fieldset className="linked-pains">
              <legend>Addresses pain points</legend>
              {journey.painPoints.length === 0 && <p className="muted">No pain points on this journey.</p>}
              {journey.painPoints.map((p) => (
                <label key={p.id} className="check">
                  <input type="checkbox" checked={linkedPains.includes(p.id)} onChange={(e) => setLinkedPains(e.target.checked ? [...linkedPains, p.id] : linkedPains.filter((id) => id !== p.id))} />
                  {p.title}
                </label>
              ))}
            </fieldset>
          </>
        )}
        <p className="muted">At {touchpoints.map((tp) => tp.name).join(", ") || "no touchpoint"} · shown on {cards} card{cards === 1 ? "" : "s"}</p>
        <div className="dialog-actions">
          <button
            type="button"
            className="ghost danger"
            onClick={() => {
              if (window.confirm(`Delete “${item.title}” and the cards that show it?`)) {
                apply(edits.deleteLinked(ids, selected.kind, item.id));
                onClose();
              }
            }}
          >
            Delete
          </button>
          <button type="button" className="primary" onClick={save} disabled={!title.trim()}>Save</button>
        </div>
      </fieldset>
    </aside>
  );
}
