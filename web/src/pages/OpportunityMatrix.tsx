import { useState } from "react";
import type { Workspace } from "../api/client";
import { Link } from "../components/Link";
import { LinkedPanel, type Selected } from "../editor/LinkedPanel";
import { useJourney } from "../editor/useJourney";

const size = 520;
const pad = 56;
const cell = (size - 2 * pad) / 5; // scores 1..5 on both axes, each in the middle of its band

/** A journey's opportunities on value × effort, in four quadrants; bubbles sized by the pain points they address. */
export function OpportunityMatrix({ workspace, journeyId }: { workspace: Workspace; journeyId: string }) {
  const editor = useJourney(workspace.id, journeyId);
  const [selected, setSelected] = useState<Selected | null>(null);
  const journey = editor.journey;
  if (!journey) {
    return <main className="list-page"><p className="muted">{editor.error ?? "Loading…"}</p></main>;
  }

  const x = (effort: number) => pad + (effort - 0.5) * cell;
  const y = (value: number) => size - pad - (value - 0.5) * cell;
  // Opportunities on the same spot fan out around it instead of hiding each other.
  const spots = new Map<string, number>();
  const placed = journey.opportunities.map((opportunity) => {
    const key = `${opportunity.value}|${opportunity.effort}`;
    const index = spots.get(key) ?? 0;
    spots.set(key, index + 1);
    const angle = index * 2.4;
    const offset = index === 0 ? 0 : 16 + index * 4;
    return {
      opportunity,
      cx: x(Number(opportunity.effort)) + Math.cos(angle) * offset,
      cy: y(Number(opportunity.value)) + Math.sin(angle) * offset,
      r: 12 + 6 * opportunity.painPointIds.length,
    };
  });

  return (
    <main className="matrix-page">
      <div className="map-toolbar">
        <Link href={`/w/${workspace.id}/journeys/${journeyId}`} className="back" aria-label="Back to the map">←</Link>
        <div className="map-title"><h1>Opportunities · {journey.name}</h1></div>
        <div className="spacer" />
        <span className="muted">{journey.opportunities.length} opportunities · {journey.painPoints.length} pain points</span>
      </div>
      <div className="map-body">
        <div className="matrix-wrap">
          <svg className="matrix" viewBox={`0 0 ${size} ${size}`} width={size} height={size} role="img" aria-label="Value and effort of each opportunity">
            <rect x={pad} y={pad} width={(size - 2 * pad) / 2} height={(size - 2 * pad) / 2} className="quadrant quick" />
            <rect x={size / 2} y={pad} width={(size - 2 * pad) / 2} height={(size - 2 * pad) / 2} className="quadrant big" />
            <rect x={pad} y={size / 2} width={(size - 2 * pad) / 2} height={(size - 2 * pad) / 2} className="quadrant fill" />
            <rect x={size / 2} y={size / 2} width={(size - 2 * pad) / 2} height={(size - 2 * pad) / 2} className="quadrant pit" />
            <text x={pad + 8} y={pad + 18} className="quadrant-label">Quick wins</text>
            <text x={size - pad - 8} y={pad + 18} textAnchor="end" className="quadrant-label">Big bets</text>
            <text x={pad + 8} y={size - pad - 8} className="quadrant-label">Fill-ins</text>
            <text x={size - pad - 8} y={size - pad - 8} textAnchor="end" className="quadrant-label">Money pits</text>
            {[1, 2, 3, 4, 5].map((score) => (
              <g key={score}>
                <text x={x(score)} y={size - pad + 20} textAnchor="middle" className="axis-tick">{score}</text>
                <text x={pad - 14} y={y(score) + 4} textAnchor="middle" className="axis-tick">{score}</text>
              </g>
            ))}
            <text x={size / 2} y={size - 12} textAnchor="middle" className="axis-title">Effort →</text>
            <text x={16} y={size / 2} textAnchor="middle" transform={`rotate(-90 16 ${size / 2})`} className="axis-title">Value →</text>
            {placed.map(({ opportunity, cx, cy, r }) => (
              <g
                key={opportunity.id}
                className={`bubble status-${opportunity.status}`}
                tabIndex={0}
                role="button"
                aria-label={`${opportunity.title}: value ${opportunity.value}, effort ${opportunity.effort}, ${opportunity.painPointIds.length} pain points`}
                onClick={() => setSelected({ kind: "opportunity", id: opportunity.id })}
                onKeyDown={(event) => event.key === "Enter" && setSelected({ kind: "opportunity", id: opportunity.id })}
              >
                <circle cx={cx} cy={cy} r={r} />
                <text x={cx} y={cy + r + 14} textAnchor="middle" className="bubble-label">{opportunity.title.length > 22 ? `${opportunity.title.slice(0, 21)}…` : opportunity.title}</text>
              </g>
            ))}
          </svg>
          <table className="data">
            <thead><tr><th>Opportunity</th><th>Value</th><th>Effort</th><th>Pain points</th><th>Owner</th><th>Status</th></tr></thead>
            <tbody>
              {[...journey.opportunities].sort((a, b) => Number(b.value) - Number(a.value) || Number(a.effort) - Number(b.effort)).map((opportunity) => (
                <tr key={opportunity.id}>
                  <td><button type="button" className="link" onClick={() => setSelected({ kind: "opportunity", id: opportunity.id })}>{opportunity.title}</button></td>
                  <td className="num">{opportunity.value}</td>
                  <td className="num">{opportunity.effort}</td>
                  <td>{opportunity.painPointIds.map((id) => journey.painPoints.find((p) => p.id === id)?.title).filter(Boolean).join(", ") || "—"}</td>
                  <td>{opportunity.owner ?? "—"}</td>
                  <td>{opportunity.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {selected && (
          <LinkedPanel journey={journey} selected={selected} ids={{ workspaceId: workspace.id, journeyId }} readOnly={workspace.role === "viewer"} apply={editor.apply} onClose={() => setSelected(null)} />
        )}
      </div>
    </main>
  );
}
