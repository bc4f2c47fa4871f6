import { useEffect, useRef, useState } from "react";
import type { Card, Journey } from "../api/client";

/** A card on the map: its text, edited in place; saved after a pause in typing and when the card loses focus. */
export function CardView({ card, journey, laneType, readOnly, startEditing, onText, onDelete, onOpenLinked, onSpan, canWiden, onDragStart, onDragEnd, style }: {
  card: Card;
  journey: Journey;
  laneType: string;
  readOnly: boolean;
  startEditing: boolean;
  onText: (text: string) => void;
  onDelete: () => void;
  onOpenLinked: (kind: "pain-point" | "opportunity", id: string) => void;
  onSpan: (delta: 1 | -1) => void;
  canWiden: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
  style: React.CSSProperties;
}) {
  const [editing, setEditing] = useState(startEditing);
  const [draft, setDraft] = useState(card.text ?? "");
  const saved = useRef(card.text ?? "");
  const timer = useRef<number | undefined>(undefined);
  const area = useRef<HTMLTextAreaElement>(null);

  // Someone else's change (or an undo) arrives while the card is not being edited: show it.
  useEffect(() => {
    if (!editing) {
      setDraft(card.text ?? "");
    }
    saved.current = card.text ?? "";
  }, [card.text, editing]);

  useEffect(() => {
    if (editing) {
      area.current?.focus();
    }
  }, [editing]);

  function save(text: string) {
    window.clearTimeout(timer.current);
    if (text !== saved.current) {
      saved.current = text;
      onText(text);
    }
  }

  const painPoint = card.painPointId ? journey.painPoints.find((p) => p.id === card.painPointId) : undefined;
  const opportunity = card.opportunityId ? journey.opportunities.find((o) => o.id === card.opportunityId) : undefined;

  return (
    <div
      className={`card card-${laneType} ${editing ? "editing" : ""}`}
      style={style}
      data-card-id={card.id}
      draggable={!readOnly && !editing}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", card.id);
        onDragStart();
      }}
      onDragEnd={onDragEnd}
    >
      {painPoint && (
        <button type="button" className="linked" onClick={() => onOpenLinked("pain-point", painPoint.id)} title="Open the pain point">
          <span className="visually-hidden">Pain point</span>
          <span className="severity" title={`Severity ${painPoint.severity} of 5`}>S{painPoint.severity}</span>
          <strong>{painPoint.title}</strong>
          {painPoint.owner && <span className="linked-owner">{painPoint.owner}</span>}
        </button>
      )}
      {opportunity && (
        <button type="button" className="linked" onClick={() => onOpenLinked("opportunity", opportunity.id)} title="Open the opportunity">
          <span className="visually-hidden">Opportunity</span>
          <span className="value-effort" title={`Value ${opportunity.value}, effort ${opportunity.effort}`}>V{opportunity.value} E{opportunity.effort}</span>
          <strong>{opportunity.title}</strong>
          {opportunity.owner && <span className="linked-owner">{opportunity.owner}</span>}
        </button>
      )}
      {editing ? (
        <textarea
          ref={area}
          aria-label="Card text"
          value={draft}
          maxLength={2000}
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => save(text), 800);
          }}
          onBlur={() => {
            save(draft);
            setEditing(false);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              save(draft);
              setEditing(false);
            }
          }}
        />
      ) : (
        <div
          className="card-text"
          tabIndex={0}
          role={readOnly ? undefined : "button"}
          aria-label={readOnly ? undefined : `Card: ${draft || "empty"}. Press Enter to edit.`}
          onClick={() => !readOnly && setEditing(true)}
          onKeyDown={(event) => {
            if (!readOnly && event.key === "Enter") {
              event.preventDefault();
              setEditing(true);
            } else if (!readOnly && (event.key === "Delete" || event.key === "Backspace")) {
              event.preventDefault();
              onDelete();
            }
          }}
        >
          {draft && draft !== painPoint?.title && draft !== opportunity?.title ? draft : !painPoint && !opportunity ? <span className="placeholder">Empty card</span> : null}
        </div>
      )}
      {!readOnly && !editing && (
        <span className="card-tools">
          {card.touchpointIds.length > 1 && (
            <button type="button" aria-label="Span one touchpoint fewer" title="Span one touchpoint fewer" onClick={() => onSpan(-1)}>⇤</button>
          )}
          {canWiden && (
            <button type="button" aria-label="Span one more touchpoint" title="Span one more touchpoint" onClick={() => onSpan(1)}>⇥</button>
          )}
          <button type="button" aria-label="Delete card" title="Delete card" onClick={onDelete}>×</button>
        </span>
      )}
    </div>
  );
}
