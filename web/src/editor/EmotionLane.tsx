import { useState } from "react";
import type { Card, Persona } from "../api/client";
import type { Column } from "./layout";
import { personaColours } from "./icons";

export const laneHeight = 150;
const pad = 18;

function yOf(score: number): number {
  return pad + ((2 - score) * (laneHeight - 2 * pad)) / 4;
}

function scoreOf(y: number): number {
  return Math.max(-2, Math.min(2, Math.round(2 - ((y - pad) * 4) / (laneHeight - 2 * pad))));
}

/** A curve of emotions derived from survey answers: per touchpoint key, −2…+2 or null where nobody answered. */
export interface EvidenceCurve {
  name: string;
  colour: string;
  values: Map<string, number | null>;
}

/** The emotion lane: one curve per persona over the touchpoints, points dragged (or moved with the arrow keys)
 * between −2 and +2. With evidence, a dashed curve per segment shows the emotion the survey answers indicate; a
 * designed point where no answers exist is drawn hollow and dashed: a hypothesis. */
export function EmotionLane({ columns, columnWidth, cards, laneId, personas, visible, readOnly, onScore, evidence = [] }: {
  columns: Column[];
  columnWidth: number;
  cards: Card[];
  laneId: string;
  personas: Persona[];
  visible: Set<string>;
  readOnly: boolean;
  onScore: (touchpointId: string, personaId: string, score: number) => void;
  evidence?: EvidenceCurve[];
}) {
  const evidenced = (touchpointId: string) => evidence.some((curve) => curve.values.get(touchpointId) !== null && curve.values.get(touchpointId) !== undefined);
  const [drag, setDrag] = useState<{ personaId: string; touchpointId: string; score: number } | null>(null);
  const width = columns.length * columnWidth;

  function scoreAt(personaId: string, touchpointId: string): number | null {
    if (drag && drag.personaId === personaId && drag.touchpointId === touchpointId) {
      return drag.score;
    }
    return storedScore(personaId, touchpointId);
  }

  function storedScore(personaId: string, touchpointId: string): number | null {
    const card = cards.find((candidate) => candidate.laneId === laneId && candidate.touchpointIds.includes(touchpointId));
    const emotion = card?.emotions?.find((candidate) => candidate.personaId === personaId);
    return emotion ? Number(emotion.score) : null;
  }

  return (
    <svg className="emotion-lane" width={width} height={laneHeight} role="group" aria-label="Emotion curves">
      {[-2, -1, 0, 1, 2].map((score) => (
        <g key={score}>
          <line x1={0} x2={width} y1={yOf(score)} y2={yOf(score)} className={score === 0 ? "axis zero" : "axis"} />
        </g>
      ))}
      <text x={4} y={yOf(2) - 5} className="axis-label">+2</text>
      <text x={4} y={yOf(-2) + 12} className="axis-label">−2</text>
      {personas.map((persona, personaIndex) => {
        if (!visible.has(persona.id)) {
          return null;
        }
        const colour = personaColours[personaIndex % personaColours.length]!;
        const points = columns
          .filter((column) => column.touchpoint)
          .map((column) => ({ column, score: scoreAt(persona.id, column.touchpoint!.id) }))
          .filter((point): point is { column: Column; score: number } => point.score !== null);
        const x = (column: Column) => column.index * columnWidth + columnWidth / 2;
        const d = points.map((point, i) => `${i === 0 ? "M" : "L"}${x(point.column)},${yOf(point.score)}`).join(" ");
        return (
          <g key={persona.id} style={{ color: colour }}>
            <path d={d} className="curve" stroke={colour} />
            {columns
              .filter((column) => column.touchpoint)
              .map((column) => {
                const touchpointId = column.touchpoint!.id;
                const score = scoreAt(persona.id, touchpointId);
                const cy = yOf(score ?? 0);
                return (
                  <circle
                    key={touchpointId}
                    cx={x(column)}
                    cy={cy}
                    r={score === null ? 5 : 7}
                    className={score === null ? "point unset" : evidence.length > 0 && !evidenced(touchpointId) ? "point hypothesis" : "point"}
                    fill={score === null ? "white" : colour}
                    stroke={colour}
                    tabIndex={readOnly ? -1 : 0}
                    role="slider"
                    aria-label={`${persona.name} at ${column.touchpoint!.name}`}
                    aria-valuemin={-2}
                    aria-valuemax={2}
                    aria-valuenow={score ?? undefined}
                    aria-valuetext={score === null ? "not set" : String(score)}
                    data-persona={persona.id}
                    data-touchpoint={touchpointId}
                    onPointerDown={(event) => {
                      if (readOnly) {
                        return;
                      }
                      (event.target as Element).setPointerCapture(event.pointerId);
                      setDrag({ personaId: persona.id, touchpointId, score: score ?? 0 });
                    }}
                    onPointerMove={(event) => {
                      if (drag && drag.personaId === persona.id && drag.touchpointId === touchpointId) {
                        const box = (event.currentTarget.ownerSVGElement as SVGSVGElement).getBoundingClientRect();
                        const scale = box.height / laneHeight;
                        setDrag({ ...drag, score: scoreOf((event.clientY - box.top) / scale) });
                      }
                    }}
                    onPointerUp={() => {
                      if (drag && drag.personaId === persona.id && drag.touchpointId === touchpointId) {
                        const stored = storedScore(persona.id, touchpointId);
                        if (drag.score !== stored) {
                          onScore(touchpointId, persona.id, drag.score);
                        }
                        setDrag(null);
                      }
                    }}
                    onKeyDown={(event) => {
                      if (readOnly) {
                        return;
                      }
                      const step = event.key === "ArrowUp" ? 1 : event.key === "ArrowDown" ? -1 : 0;
                      if (step !== 0) {
                        event.preventDefault();
                        onScore(touchpointId, persona.id, Math.max(-2, Math.min(2, (score ?? 0) + step)));
                      }
                    }}
                  >
                    <title>{`${persona.name}: ${score === null ? "not set" : score > 0 ? `+${score}` : score}${evidence.length > 0 && !evidenced(touchpointId) ? " (hypothesis: no answers here)" : ""}`}</title>
                  </circle>
                );
              })}
          </g>
        );
      })}
      {evidence.map((curve) => {
        const x = (column: Column) => column.index * columnWidth + columnWidth / 2;
        const points = columns
          .filter((column) => column.touchpoint && typeof curve.values.get(column.touchpoint.id) === "number")
          .map((column) => ({ column, score: curve.values.get(column.touchpoint!.id)! }));
        const d = points.map((point, i) => `${i === 0 ? "M" : "L"}${x(point.column)},${yOf(point.score)}`).join(" ");
        return (
          <g key={curve.name} className="evidence-curve" data-segment={curve.name}>
            <path d={d} stroke={curve.colour} strokeDasharray="6 4" fill="none" strokeWidth={2} />
            {points.map((point) => (
              <rect
                key={point.column.touchpoint!.id}
                x={x(point.column) - 4}
                y={yOf(point.score) - 4}
                width={8}
                height={8}
                fill={curve.colour}
                data-touchpoint={point.column.touchpoint!.id}
                data-emotion={point.score.toFixed(2)}
              >
                <title>{`${curve.name}, from answers: ${point.score > 0 ? "+" : ""}${point.score.toFixed(2)}`}</title>
              </rect>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
