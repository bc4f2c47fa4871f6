import { useEffect, useMemo, useRef, useState, type CSSProperties, type DragEvent } from "react";
import { api, present, type Persona, type Schemas, type Workspace } from "../api/client";
import { Link } from "../components/Link";
import { CardView } from "../editor/CardView";
import * as edits from "../editor/edits";
import { EmotionLane, laneHeight } from "../editor/EmotionLane";
import { ActualJourneyPanel, stageScores, candidateDescription, candidateTitle, ConformancePanel, delta, EvidenceBar, evidenceCurves, EvidencePanel, heat, heatColour, heatMetrics, MappingPanel, useEvidence, type EvidenceOptions, type HeatMetric } from "../editor/Evidence";
import { ChannelIcon, personaColours } from "../editor/icons";
import { InlineText } from "../editor/InlineText";
import { LinkedPanel, type Selected } from "../editor/LinkedPanel";
import { layout } from "../editor/layout";
import { TouchpointPanel } from "../editor/TouchpointPanel";
import { useJourney } from "../editor/useJourney";

const columnWidth = 208;
const labelWidth = 176;
const laneTypes: Schemas["LaneType"][] = ["actions", "thoughts", "emotions", "pain-points", "opportunities", "channels", "backstage", "owners", "kpis", "evidence", "text"];

type Dragged = { kind: "stage" | "touchpoint" | "lane" | "card"; id: string; span?: number };

/** The journey map editor. */
export function JourneyMap({ workspace, journeyId }: { workspace: Workspace; journeyId: string }) {
  const ids = { workspaceId: workspace.id, journeyId };
  const editor = useJourney(workspace.id, journeyId);
  const { journey } = editor;
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [zoom, setZoom] = useState(1);
  const [editCard, setEditCard] = useState<{ laneId: string; touchpointId: string } | null>(null);
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const [newLaneType, setNewLaneType] = useState<Schemas["LaneType"]>("actions");
  const [selected, setSelected] = useState<Selected | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const readOnly = workspace.role === "viewer";
  const [evidenceOn, setEvidenceOn] = useState(false);
  const [metric, setMetric] = useState<HeatMetric>("reach");
  const [evidenceOptions, setEvidenceOptions] = useState<EvidenceOptions>({ from: "", to: "", segmentIds: [], heatFor: 0, compareAt: "" });
  const [evidenceFor, setEvidenceFor] = useState<string | null>(null);
  const [mapping, setMapping] = useState(false);
  const [actualOpen, setActualOpen] = useState(false);
  const [detailsFor, setDetailsFor] = useState<string | null>(null);
  const [conformanceOpen, setConformanceOpen] = useState(false);
  const evidence = useEvidence(workspace.id, journeyId, evidenceOn, evidenceOptions, Number(editor.journey?.version ?? 0));
  const shown = evidence.report?.segments[evidenceOptions.heatFor] ?? evidence.report?.segments[0];

  useEffect(() => {
    void api.GET("/api/v1/workspaces/{workspaceId}/personas", { params: { path: { workspaceId: workspace.id } } }).then((result) => setPersonas(present(result.data ?? [])));
  }, [workspace.id]);

  // Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo, unless the user is typing in a field.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const typing = event.target instanceof HTMLElement && (event.target.tagName === "INPUT" || event.target.tagName === "TEXTAREA");
      if (typing || !(event.ctrlKey || event.metaKey)) {
        return;
      }
      if (event.key.toLowerCase() === "z") {
        event.preventDefault();
        if (event.shiftKey) {
          editor.redo();
        } else {
          editor.undo();
        }
      } else if (event.key.toLowerCase() === "y") {
        event.preventDefault();
        editor.redo();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editor]);

  const map = useMemo(() => (journey ? layout(journey) : null), [journey]);
  const journeyPersonas = useMemo(
    () => (journey ? journey.personaIds.map((id) => personas.find((persona) => persona.id === id)).filter((p): p is Persona => !!p) : []),
    [journey, personas],
  );

  if (!journey || !map) {
    return <main className="map-page"><p className="muted" aria-busy={!editor.error}>{editor.error ?? "Opening the map…"}</p></main>;
  }

  const totalColumns = Math.max(1, map.columns.length);
  const gridStyle: CSSProperties = {
    gridTemplateColumns: `${labelWidth}px repeat(${totalColumns}, ${columnWidth}px) ${readOnly ? "" : "120px"}`,
    zoom,
  };
  const visible = new Set(journeyPersonas.map((persona) => persona.id).filter((id) => !hidden.has(id)));

  function fit() {
    const available = scroller.current?.clientWidth ?? 1200;
    const needed = labelWidth + totalColumns * columnWidth + (readOnly ? 0 : 120);
    setZoom(Math.max(0.3, Math.min(1, available / needed)));
  }

  function drop(event: DragEvent, target: Dragged, stageId?: string, position?: number) {
    event.preventDefault();
    if (!dragged || dragged.id === target.id) {
      setDragged(null);
      return;
    }
    if (dragged.kind === "stage" && target.kind === "stage") {
      editor.apply(edits.moveStage(ids, dragged.id, journey!.stages.findIndex((stage) => stage.id === target.id)));
    } else if (dragged.kind === "touchpoint" && stageId !== undefined && position !== undefined) {
      editor.apply(edits.moveTouchpoint(ids, dragged.id, stageId, position));
    } else if (dragged.kind === "lane" && target.kind === "lane") {
      editor.apply(edits.moveLane(ids, dragged.id, journey!.lanes.findIndex((lane) => lane.id === target.id)));
    }
    setDragged(null);
  }

  const draggable = (item: Dragged) =>
    readOnly
      ? {}
      : {
          draggable: true,
          onDragStart: (event: DragEvent) => {
            event.dataTransfer.effectAllowed = "move";
            event.dataTransfer.setData("text/plain", item.id);
            setDragged(item);
          },
          onDragEnd: () => setDragged(null),
        };

  return (
    <main className="map-page">
      <div className="map-toolbar">
        <Link href={`/w/${workspace.id}`} className="back" aria-label="Back to journeys">←</Link>
        <div className="map-title">
          <h1>
            <InlineText
              value={journey.name}
              label="Journey name"
              disabled={readOnly}
              onCommit={(name) =>
                editor.apply({
                  label: "Rename journey",
                  send: (current) =>
                    api.PATCH("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}", {
                      params: { path: ids },
                      body: { name },
                      headers: { "If-Match": `"${current.version}"` },
                    }),
                })
              }
            />
          </h1>
          <span className={`status status-${journey.status}`}>{journey.status}</span>
          <span className="muted">{journey.type} · {journey.kind} · {journey.state}</span>
        </div>
        <button type="button" className={`toolbar-link ${evidenceOn ? "active" : ""}`} aria-pressed={evidenceOn} onClick={() => setEvidenceOn(!evidenceOn)}>
          Evidence
        </button>
        <Link href={`/w/${workspace.id}/journeys/${journeyId}/opportunities`} className="toolbar-link">Opportunity matrix</Link>
        <a href={`/api/v1/workspaces/${workspace.id}/journeys/${journeyId}/render.svg`} className="toolbar-link" download={`${journey.name}.svg`}>SVG</a>
        <a href={`/api/v1/workspaces/${workspace.id}/journeys/${journeyId}/render.pdf`} className="toolbar-link" download>PDF (A3)</a>
        <a href={`/api/v1/workspaces/${workspace.id}/journeys/${journeyId}/render.pdf?paper=a4`} className="toolbar-link" download>PDF (A4)</a>
        <div className="spacer" />
        <div className="personas" role="group" aria-label="Personas on the emotion curve">
          {journeyPersonas.map((persona, index) => (
            <label key={persona.id} className="persona-toggle" style={{ ["--persona" as string]: personaColours[index % personaColours.length] }}>
              <input
                type="checkbox"
                checked={!hidden.has(persona.id)}
                onChange={() => {
                  const next = new Set(hidden);
                  if (next.has(persona.id)) {
                    next.delete(persona.id);
                  } else {
                    next.add(persona.id);
                  }
                  setHidden(next);
                }}
              />
              <span className="swatch" />
              {persona.name}
              {!readOnly && (
                <button
                  type="button"
                  className="persona-remove"
                  aria-label={`Take ${persona.name} off this journey`}
                  title="Take this persona off the journey (its emotion scores go with it)"
                  onClick={(event) => {
                    event.preventDefault();
                    if (window.confirm(`Take ${persona.name} off this journey? Their emotion scores on it are removed.`)) {
                      editor.apply({
                        label: "Remove persona",
                        send: (current) =>
                          api.DELETE("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/personas/{personaId}", {
                            params: { path: { ...ids, personaId: persona.id } },
                            headers: { "If-Match": `"${current.version}"` },
                          }),
                      });
                    }
                  }}
                >
                  ×
                </button>
              )}
            </label>
          ))}
        </div>
        {!readOnly && personas.some((persona) => !journey.personaIds.includes(persona.id)) && (
          <label className="add-persona">
            <span className="visually-hidden">Add a persona to this journey</span>
            <select
              value=""
              onChange={(event) => {
                const personaId = event.target.value;
                if (personaId) {
                  editor.apply({
                    label: "Add persona",
                    send: (current) =>
                      api.PUT("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/personas/{personaId}", {
                        params: { path: { ...ids, personaId } },
                        headers: { "If-Match": `"${current.version}"` },
                      }),
                  });
                }
              }}
            >
              <option value="">+ Persona</option>
              {personas
                .filter((persona) => !journey.personaIds.includes(persona.id))
                .map((persona) => (
                  <option key={persona.id} value={persona.id}>{persona.name}</option>
                ))}
            </select>
          </label>
        )}
        {!readOnly && (
          <div className="group" role="group" aria-label="History">
            <button type="button" onClick={editor.undo} disabled={!editor.canUndo} title="Undo (Ctrl+Z)">Undo</button>
            <button type="button" onClick={editor.redo} disabled={!editor.canRedo} title="Redo (Ctrl+Shift+Z)">Redo</button>
          </div>
        )}
        <div className="group" role="group" aria-label="Zoom">
          <button type="button" onClick={() => setZoom((z) => Math.max(0.3, +(z - 0.1).toFixed(2)))} aria-label="Zoom out">−</button>
          <span className="zoom-value" aria-live="polite">{Math.round(zoom * 100)}%</span>
          <button type="button" onClick={() => setZoom((z) => Math.min(2, +(z + 0.1).toFixed(2)))} aria-label="Zoom in">+</button>
          <button type="button" onClick={fit}>Fit</button>
        </div>
        <span className={`save-state save-${editor.state}`} role="status" aria-live="polite">
          {editor.state === "saving" ? "Saving…" : editor.state === "offline" ? "Offline — retrying" : editor.state === "conflict" ? "Conflict" : "All changes saved"}
        </span>
      </div>

      {editor.error && <p className="error banner" role="alert">{editor.error}</p>}
      {editor.conflict && (
        <div className="conflict banner" role="alertdialog" aria-labelledby="conflict-title">
          <h2 id="conflict-title">Someone else changed this journey</h2>
          <p>
            Your change — {editor.conflict.edit.label.toLowerCase()}
            {editor.conflict.edit.detail !== undefined && <> to <q className="mine">{editor.conflict.edit.detail}</q></>} — is not saved yet; it is kept here.
            What changed meanwhile:
          </p>
          <ul>
            {editor.conflict.changes.slice(0, 8).map((change, i) => (
              <li key={i}>{change}</li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={() => editor.resolve(true)}>Apply my change on top</button>
            <button type="button" onClick={() => editor.resolve(false)}>Discard my change</button>
          </div>
        </div>
      )}

      {evidenceOn && <EvidenceBar metric={metric} onMetric={setMetric} options={evidenceOptions} onOptions={setEvidenceOptions} evidence={evidence} onMapping={() => { setMapping(!mapping); setEvidenceFor(null); setActualOpen(false); }} onActual={() => { setActualOpen(!actualOpen); setMapping(false); setEvidenceFor(null); setConformanceOpen(false); }} onConformance={() => { setConformanceOpen(!conformanceOpen); setActualOpen(false); setMapping(false); setEvidenceFor(null); }} />}
      <div className="map-body">
      <div className="map-scroller" ref={scroller}>
        <div className={`map-grid ${dragged?.kind === "card" ? "dragging-card" : ""}`} style={gridStyle}>
          <div className="corner" style={{ gridRow: "1 / span 2", gridColumn: 1 }}>
            <span className="muted">{journey.goal}</span>
          </div>

          {journey.stages.map((stage, stageIndex) => {
            const columns = map.columns.filter((column) => column.stage.id === stage.id);
            const first = columns[0]!.index;
            return (
              <div
                key={stage.id}
                className={`stage-header stage-${stageIndex % 6} ${dragged?.kind === "stage" ? "drop-target" : ""}`}
                style={{ gridRow: 1, gridColumn: `${first + 2} / span ${columns.length}` }}
                {...draggable({ kind: "stage", id: stage.id })}
                onDragOver={(event) => dragged && event.preventDefault()}
                onDrop={(event) =>
                  dragged?.kind === "touchpoint"
                    ? drop(event, { kind: "stage", id: stage.id }, stage.id, stage.touchpoints.length)
                    : drop(event, { kind: "stage", id: stage.id })
                }
              >
                <InlineText value={stage.name} label="Stage name" disabled={readOnly} onCommit={(name) => editor.apply(edits.renameStage(ids, stage.id, name))} />
                {evidenceOn && (() => {
                  const scores = evidence.report?.stages.find((item) => item.key === stage.id);
                  const shownScores = scores ? stageScores(scores) : [];
                  return shownScores.length > 0 ? (
                    <span className="stage-scores" data-stage={stage.id} title={shownScores.map((score) => score.detail).join("\n")}>
                      {shownScores.map((score) => score.text).join(" · ")}
                    </span>
                  ) : null;
                })()}
                {!readOnly && (
                  <span className="header-actions">
                    <button type="button" aria-label={`Move stage ${stage.name} left`} disabled={stageIndex === 0} onClick={() => editor.apply(edits.moveStage(ids, stage.id, stageIndex - 1))}>‹</button>
                    <button type="button" aria-label={`Move stage ${stage.name} right`} disabled={stageIndex === journey.stages.length - 1} onClick={() => editor.apply(edits.moveStage(ids, stage.id, stageIndex + 1))}>›</button>
                    <button type="button" aria-label={`Add a touchpoint to ${stage.name}`} onClick={() => editor.apply(edits.addTouchpoint(ids, stage.id, "New touchpoint", null))}>+</button>
                    <button
                      type="button"
                      aria-label={`Delete stage ${stage.name}`}
                      onClick={() => window.confirm(`Delete the stage “${stage.name}” with its touchpoints and their cards?`) && editor.apply(edits.deleteStage(ids, stage.id))}
                    >
                      ×
                    </button>
                  </span>
                )}
              </div>
            );
          })}
          {!readOnly && (
            <button type="button" className="add-stage" style={{ gridRow: "1 / span 2", gridColumn: totalColumns + 2 }} onClick={() => editor.apply(edits.addStage(ids, "New stage"))}>
              + Stage
            </button>
          )}

          {map.columns.map((column) =>
            column.touchpoint ? (
              <div
                key={column.touchpoint.id}
                className={`touchpoint-header ${dragged?.kind === "touchpoint" ? "drop-target" : ""}`}
                style={{ gridRow: 2, gridColumn: column.index + 2 }}
                {...draggable({ kind: "touchpoint", id: column.touchpoint.id })}
                onDragOver={(event) => dragged?.kind === "touchpoint" && event.preventDefault()}
                onDrop={(event) =>
                  drop(event, { kind: "touchpoint", id: column.touchpoint!.id }, column.stage.id, column.stage.touchpoints.findIndex((tp) => tp.id === column.touchpoint!.id))
                }
              >
                <InlineText
                  value={column.touchpoint.name}
                  label="Touchpoint name"
                  disabled={readOnly}
                  onCommit={(name) => editor.apply(edits.updateTouchpoint(ids, column.touchpoint!.id, { name }))}
                />
                {evidenceOn && shown && (() => {
                  const metrics = shown.touchpoints.find((tp) => tp.key === column.touchpoint!.id);
                  const value = heat(metric, metrics);
                  const before = evidence.before?.segments[evidenceOptions.heatFor]?.touchpoints.find((tp) => tp.key === column.touchpoint!.id);
                  const previous = evidence.before ? heat(metric, before) : null;
                  const label = heatMetrics.find((option) => option.value === metric)!.label;
                  return (
                    <button
                      type="button"
                      className="evidence-strip"
                      data-touchpoint={column.touchpoint!.id}
                      style={{ background: heatColour(value.score) }}
                      title={metrics ? `${label}: ${value.text} · reached ${metrics.reached.toLocaleString()} · drop-off ${metrics.dropOff.toLocaleString()}` : "No events mapped here"}
                      aria-label={`Evidence for ${column.touchpoint!.name}: ${label} ${value.text}`}
                      onClick={() => { setEvidenceFor(column.touchpoint!.id); setMapping(false); setActualOpen(false); setDetailsFor(null); }}
                    >
                      <span className="evidence-value">{value.text}</span>
                      {previous && <span className="evidence-delta"> ({delta(value, previous)})</span>}
                    </button>
                  );
                })()}
                <div className="touchpoint-meta">
                  <ChannelIcon channel={column.touchpoint.channel} />
                  <button
                    type="button"
                    className="ghost details-button"
                    aria-label={`Details of ${column.touchpoint.name}`}
                    title="Who takes part, planned duration, events that count as this touchpoint"
                    onClick={() => { setDetailsFor(column.touchpoint!.id); setSelected(null); setEvidenceFor(null); setMapping(false); setActualOpen(false); }}
                  >
                    ⋯
                  </button>
                  {!readOnly && (
                    <span className="header-actions">
                      <ChannelPicker value={column.touchpoint.channel ?? ""} onChange={(channel) => editor.apply(edits.updateTouchpoint(ids, column.touchpoint!.id, { channel: channel || null }))} />
                      <button
                        type="button"
                        aria-label={`Move ${column.touchpoint.name} left`}
                        onClick={() => {
                          const position = column.stage.touchpoints.findIndex((tp) => tp.id === column.touchpoint!.id);
                          if (position > 0) {
                            editor.apply(edits.moveTouchpoint(ids, column.touchpoint!.id, column.stage.id, position - 1));
                          } else if (column.stageIndex > 0) {
                            const previous = journey.stages[column.stageIndex - 1]!;
                            editor.apply(edits.moveTouchpoint(ids, column.touchpoint!.id, previous.id, previous.touchpoints.length));
                          }
                        }}
                      >
                        ‹
                      </button>
                      <button
                        type="button"
                        aria-label={`Move ${column.touchpoint.name} right`}
                        onClick={() => {
                          const position = column.stage.touchpoints.findIndex((tp) => tp.id === column.touchpoint!.id);
                          if (position < column.stage.touchpoints.length - 1) {
                            editor.apply(edits.moveTouchpoint(ids, column.touchpoint!.id, column.stage.id, position + 1));
                          } else if (column.stageIndex < journey.stages.length - 1) {
                            editor.apply(edits.moveTouchpoint(ids, column.touchpoint!.id, journey.stages[column.stageIndex + 1]!.id, 0));
                          }
                        }}
                      >
                        ›
                      </button>
                      <button
                        type="button"
                        aria-label={`Delete touchpoint ${column.touchpoint.name}`}
                        onClick={() => window.confirm(`Delete the touchpoint “${column.touchpoint!.name}” and its cards?`) && editor.apply(edits.deleteTouchpoint(ids, column.touchpoint!.id))}
                      >
                        ×
                      </button>
                    </span>
                  )}
                </div>
              </div>
            ) : (
              <div key={`empty-${column.stage.id}`} className="touchpoint-header empty" style={{ gridRow: 2, gridColumn: column.index + 2 }}>
                {!readOnly && (
                  <button type="button" onClick={() => editor.apply(edits.addTouchpoint(ids, column.stage.id, "New touchpoint", null))}>+ Touchpoint</button>
                )}
              </div>
            ),
          )}

          {map.lanes.map((lane, laneIndex) => (
            <LaneRows key={lane.lane.id}>
              <div
                className={`lane-label lane-${lane.lane.type} ${dragged?.kind === "lane" ? "drop-target" : ""}`}
                style={{ gridRow: `${lane.firstRow} / span ${lane.rows}`, gridColumn: 1 }}
                {...draggable({ kind: "lane", id: lane.lane.id })}
                onDragOver={(event) => dragged?.kind === "lane" && event.preventDefault()}
                onDrop={(event) => drop(event, { kind: "lane", id: lane.lane.id })}
              >
                <InlineText value={lane.lane.name} label="Lane name" disabled={readOnly} onCommit={(name) => editor.apply(edits.renameLane(ids, lane.lane.id, name))} />
                {lane.lane.name.toLowerCase() !== lane.lane.type.replace("-", " ") && <span className="lane-type">{lane.lane.type}</span>}
                {!readOnly && (
                  <span className="header-actions">
                    <button type="button" aria-label={`Move lane ${lane.lane.name} up`} disabled={laneIndex === 0} onClick={() => editor.apply(edits.moveLane(ids, lane.lane.id, laneIndex - 1))}>˄</button>
                    <button type="button" aria-label={`Move lane ${lane.lane.name} down`} disabled={laneIndex === map.lanes.length - 1} onClick={() => editor.apply(edits.moveLane(ids, lane.lane.id, laneIndex + 1))}>˅</button>
                    <button
                      type="button"
                      aria-label={`Delete lane ${lane.lane.name}`}
                      onClick={() => window.confirm(`Delete the lane “${lane.lane.name}” and its cards?`) && editor.apply(edits.deleteLane(ids, lane.lane.id))}
                    >
                      ×
                    </button>
                  </span>
                )}
              </div>
              {lane.lane.type === "emotions" ? (
                <div className="emotion-cell" style={{ gridRow: lane.firstRow, gridColumn: `2 / span ${totalColumns}`, height: laneHeight }}>
                  <EmotionLane
                    columns={map.columns}
                    columnWidth={columnWidth}
                    cards={journey.cards}
                    laneId={lane.lane.id}
                    personas={journeyPersonas}
                    visible={visible}
                    readOnly={readOnly}
                    onScore={(touchpointId, personaId, score) => editor.apply(edits.setEmotion(ids, lane.lane.id, touchpointId, personaId, score))}
                    evidence={evidenceOn ? evidenceCurves(evidence.report) : []}
                  />
                  {journeyPersonas.length === 0 && <p className="hint">Assign personas to this journey to draw their emotion curves.</p>}
                </div>
              ) : (
                <>
                  {map.columns.map((column) => (
                    <div
                      key={`${lane.lane.id}-${column.index}`}
                      className={`cell lane-bg-${lane.lane.type} ${dragged?.kind === "card" && column.touchpoint ? "drop-target" : ""}`}
                      style={{ gridRow: `${lane.firstRow} / span ${lane.rows}`, gridColumn: column.index + 2 }}
                      data-cell={`${lane.lane.id}:${column.touchpoint?.id ?? ""}`}
                      onDragOver={(event) => dragged?.kind === "card" && column.touchpoint && event.preventDefault()}
                      onDrop={(event) => {
                        if (dragged?.kind !== "card" || !column.touchpoint) {
                          return;
                        }
                        event.preventDefault();
                        // The card keeps its span, starting at the touchpoint it was dropped on (cut at the map's end).
                        const span = map.columns
                          .slice(column.index, column.index + (dragged.span ?? 1))
                          .map((target) => target.touchpoint?.id)
                          .filter((id): id is string => !!id);
                        editor.apply(edits.moveCard(ids, dragged.id, lane.lane.id, span));
                        setDragged(null);
                      }}
                    >
                      {!readOnly && column.touchpoint && (
                        <button
                          type="button"
                          className="add-card"
                          aria-label={`Add a card to ${lane.lane.name} at ${column.touchpoint.name}`}
                          onClick={() => {
                            if (lane.lane.type === "pain-points" || lane.lane.type === "opportunities") {
                              editor.apply(edits.addLinked(ids, lane.lane.type === "pain-points" ? "pain-point" : "opportunity", lane.lane.id, column.touchpoint!.id));
                              return;
                            }
                            setEditCard({ laneId: lane.lane.id, touchpointId: column.touchpoint!.id });
                            editor.apply(edits.addCard(ids, lane.lane.id, [column.touchpoint!.id], ""));
                          }}
                        >
                          +
                        </button>
                      )}
                    </div>
                  ))}
                  {lane.cards.map((placed) => (
                    <CardView
                      key={placed.card.id}
                      card={placed.card}
                      journey={journey}
                      laneType={lane.lane.type}
                      readOnly={readOnly}
                      startEditing={
                        !!editCard && editCard.laneId === lane.lane.id && placed.card.touchpointIds[0] === editCard.touchpointId && !placed.card.text
                      }
                      onText={(text) => editor.apply(edits.cardText(ids, placed.card.id, text))}
                      onDelete={() => editor.apply(edits.deleteCard(ids, placed.card.id))}
                      onOpenLinked={(kind, id) => setSelected({ kind, id })}
                      onDragStart={() => setDragged({ kind: "card", id: placed.card.id, span: placed.span })}
                      onDragEnd={() => setDragged(null)}
                      canWiden={placed.column + placed.span < map.columns.length && !!map.columns[placed.column + placed.span]?.touchpoint}
                      onSpan={(delta) => {
                        const span = map.columns
                          .slice(placed.column, placed.column + placed.span + delta)
                          .map((column) => column.touchpoint?.id)
                          .filter((id): id is string => !!id);
                        editor.apply(edits.spanCard(ids, placed.card.id, span));
                      }}
                      style={{ gridRow: lane.firstRow + placed.level, gridColumn: `${placed.column + 2} / span ${placed.span}` }}
                    />
                  ))}
                </>
              )}
            </LaneRows>
          ))}

          {!readOnly && (
            <div className="add-lane" style={{ gridRow: (map.lanes.at(-1)?.firstRow ?? map.headerRows + 1) + (map.lanes.at(-1)?.rows ?? 0), gridColumn: 1 }}>
              <label>
                <span className="visually-hidden">Lane type</span>
                <select value={newLaneType} onChange={(event) => setNewLaneType(event.target.value as Schemas["LaneType"])}>
                  {laneTypes.map((type) => (
                    <option key={type} value={type}>{type}</option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => editor.apply(edits.addLane(ids, newLaneType, laneName(newLaneType)))}>+ Lane</button>
            </div>
          )}
        </div>
      </div>
      {selected && (
        <LinkedPanel journey={journey} selected={selected} ids={ids} readOnly={readOnly} apply={editor.apply} onClose={() => setSelected(null)} />
      )}
      {detailsFor && !selected && !evidenceFor && (() => {
        const touchpoint = edits.findTouchpoint(journey, detailsFor);
        return touchpoint ? (
          <TouchpointPanel
            key={touchpoint.id}
            touchpoint={touchpoint}
            readOnly={readOnly}
            onSave={(change) => editor.apply(edits.updateTouchpoint(ids, touchpoint.id, change))}
            onClose={() => setDetailsFor(null)}
          />
        ) : null;
      })()}
      {evidenceOn && conformanceOpen && !actualOpen && !mapping && !evidenceFor && !selected && (
        <ConformancePanel evidence={evidence} names={new Map(journey.stages.flatMap((stage) => stage.touchpoints).map((touchpoint) => [touchpoint.id, touchpoint.name]))} onClose={() => setConformanceOpen(false)} />
      )}
      {evidenceOn && actualOpen && !mapping && !evidenceFor && !selected && (
        <ActualJourneyPanel workspaceId={workspace.id} journeyId={journeyId} journey={journey} onClose={() => setActualOpen(false)} />
      )}
      {evidenceOn && mapping && !evidenceFor && !selected && (
        <MappingPanel
          workspaceId={workspace.id}
          journeyId={journeyId}
          journey={journey}
          version={Number(journey.version)}
          readOnly={readOnly}
          onMap={(touchpointId, eventName) => editor.apply(edits.mapEvent(ids, touchpointId, eventName))}
          onAdd={(stageId, eventName) => editor.apply(edits.addTouchpointForEvent(ids, stageId, eventName))}
          onClose={() => setMapping(false)}
        />
      )}
      {evidenceOn && evidenceFor && !selected && (
        <EvidencePanel
          touchpointId={evidenceFor}
          evidence={evidence}
          readOnly={readOnly}
          onClose={() => setEvidenceFor(null)}
          onPromote={(candidate, owner) =>
            editor.apply(edits.promoteCandidate(ids, { touchpoint: candidate.touchpoint, title: candidateTitle(candidate), description: candidateDescription(candidate), severity: candidate.severity, owner }))
          }
        />
      )}
      </div>
    </main>
  );
}

function LaneRows({ children }: { children: React.ReactNode }) {
  return <>{children}</>;
}

const channels = ["", "web", "app", "email", "store", "phone", "social", "chat", "in-person", "mail", "sms"];

function ChannelPicker({ value, onChange }: { value: string; onChange: (channel: string) => void }) {
  return (
    <select className="channel-picker" aria-label="Channel" value={channels.includes(value) ? value : "other"} onChange={(event) => onChange(event.target.value)}>
      {channels.map((channel) => (
        <option key={channel} value={channel}>{channel || "no channel"}</option>
      ))}
      {!channels.includes(value) && <option value="other">{value}</option>}
    </select>
  );
}

function laneName(type: Schemas["LaneType"]): string {
  const names: Record<string, string> = {
    actions: "Customer actions",
    thoughts: "Thoughts",
    emotions: "Emotions",
    "pain-points": "Pain points",
    opportunities: "Opportunities",
    channels: "Channels",
    backstage: "Backstage",
    owners: "Owners",
    kpis: "KPIs",
    evidence: "Evidence",
    text: "Notes",
  };
  return names[type] ?? "Lane";
}
