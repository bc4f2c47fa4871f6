import type { Schemas } from "../api/client";

type Funnel = Schemas["FunnelResponse"];
type Paths = Schemas["PathsReport"];
type Graph = Schemas["DirectlyFollowsReport"];

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${(value * 100).toFixed(1)}%`;
}

export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) {
    return "—";
  }
  const s = Number(seconds);
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 3600) return `${(s / 60).toFixed(1)} min`;
  if (s < 86400) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}

const number = new Intl.NumberFormat("en");

/** Funnel bars: each step's count as a bar, the drop-off above it hatched, conversion under it. */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const steps = funnel.steps ?? [];
  const first = Math.max(1, Number(steps[0]?.count ?? 0));
  const width = Math.max(480, steps.length * 150);
  const height = 260;
  const bar = Math.min(90, (width - 40) / steps.length - 30);
  return (
    <svg className="funnel-chart" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label="Funnel">
      {steps.map((step, i) => {
        const x = 30 + i * ((width - 40) / steps.length);
        const h = (Number(step.count) / first) * 180;
        return (
          <g key={i}>
            <rect x={x} y={20} width={bar} height={180} className="funnel-track" rx={4} />
            <rect x={x} y={200 - h} width={bar} height={h} className="funnel-bar" rx={4} />
            <text x={x + bar / 2} y={196 - h} textAnchor="middle" className="funnel-count">{number.format(Number(step.count))}</text>
            <text x={x + bar / 2} y={220} textAnchor="middle" className="funnel-label">{truncate(step.name, 22)}</text>
            <text x={x + bar / 2} y={238} textAnchor="middle" className="funnel-conv">{percent(step.conversion as number | null)}</text>
          </g>
        );
      })}
    </svg>
  );
}

type Bin = Schemas["FunnelHistogramBin"];

/** Time to convert into one step: ten bins from the shortest to the longest time, bars scaled to the tallest. */
export function Histogram({ bins, label }: { bins: Bin[]; label: string }) {
  const width = 260;
  const height = 90;
  const max = Math.max(1, ...bins.map((bin) => Number(bin.count)));
  const barWidth = (width - 20) / Math.max(1, bins.length);
  return (
    <figure className="histogram">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`Time to convert into ${label}`}>
        {bins.map((bin, i) => {
          const h = (Number(bin.count) / max) * (height - 28);
          return (
            <rect key={i} x={10 + i * barWidth + 1} y={height - 18 - h} width={barWidth - 2} height={Math.max(h, 0.5)} className="histogram-bar">
              <title>{`${duration(Number(bin.fromSeconds))} – ${duration(Number(bin.toSeconds))}: ${number.format(Number(bin.count))}`}</title>
            </rect>
          );
        })}
        <text x={10} y={height - 4} className="histogram-axis">{duration(Number(bins[0]?.fromSeconds ?? 0))}</text>
        <text x={width - 10} y={height - 4} textAnchor="end" className="histogram-axis">{duration(Number(bins.at(-1)?.toSeconds ?? 0))}</text>
      </svg>
      <figcaption>Time to {label}</figcaption>
    </figure>
  );
}

/** The paths as a Sankey: nodes per step from the links, link width proportional to the customer-sessions. */
export function Sankey({ paths }: { paths: Paths }) {
  const first = Math.min(...(paths.links ?? []).map((link) => Number(link.step)));
  const links = (paths.links ?? []).map((link) => ({ ...link, step: Number(link.step) - first }));
  const steps = Math.max(0, ...links.map((link) => link.step)) + 1;
  const width = Math.max(640, (steps + 1) * 190);
  const height = 420;
  const columnX = (step: number) => 20 + step * ((width - 180) / Math.max(1, steps));
  // Node sizes: at step s, a node's value is the larger of what flows in and out.
  const nodes = new Map<string, { step: number; name: string; value: number; y: number; height: number; inOffset: number; outOffset: number }>();
  const key = (step: number, name: string) => `${step}|${name}`;
  for (const link of links) {
    const s = Number(link.step);
    for (const [step, name] of [[s, link.source], [s + 1, link.target]] as const) {
      const k = key(step, name);
      if (!nodes.has(k)) nodes.set(k, { step, name, value: 0, y: 0, height: 0, inOffset: 0, outOffset: 0 });
    }
  }
  for (const node of nodes.values()) {
    const out = links.filter((l) => Number(l.step) === node.step && l.source === node.name).reduce((sum, l) => sum + Number(l.value), 0);
    const inn = links.filter((l) => Number(l.step) + 1 === node.step && l.target === node.name).reduce((sum, l) => sum + Number(l.value), 0);
    node.value = Math.max(out, inn);
  }
  const maxTotal = Math.max(1, ...Array.from({ length: steps + 1 }, (_, s) => [...nodes.values()].filter((n) => n.step === s).reduce((sum, n) => sum + n.value, 0)));
  const gap = 10;
  const scale = (height - 40 - 10 * gap) / maxTotal;
  for (let s = 0; s <= steps; s++) {
    let y = 20;
    for (const node of [...nodes.values()].filter((n) => n.step === s).sort((a, b) => b.value - a.value)) {
      node.y = y;
      node.height = Math.max(2, node.value * scale);
      y += node.height + gap;
    }
  }
  return (
    <svg className="sankey" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label="Paths">
      {links.map((link, i) => {
        const source = nodes.get(key(Number(link.step), link.source))!;
        const target = nodes.get(key(Number(link.step) + 1, link.target))!;
        const h = Math.max(1, Number(link.value) * scale);
        const x0 = columnX(source.step) + 12;
        const x1 = columnX(target.step);
        const y0 = source.y + source.outOffset + h / 2;
        const y1 = target.y + target.inOffset + h / 2;
        source.outOffset += h;
        target.inOffset += h;
        const mid = (x0 + x1) / 2;
        return (
          <path key={i} d={`M${x0},${y0} C${mid},${y0} ${mid},${y1} ${x1},${y1}`} className={link.target === "$drop-off" ? "sankey-link drop" : "sankey-link"} strokeWidth={h}>
            <title>{`${link.source} → ${link.target}: ${number.format(Number(link.value))}`}</title>
          </path>
        );
      })}
      {[...nodes.values()].map((node) => (
        <g key={key(node.step, node.name)}>
          <rect x={columnX(node.step)} y={node.y} width={12} height={node.height} className={node.name === "$drop-off" ? "sankey-node drop" : "sankey-node"} />
          <text x={columnX(node.step) + 16} y={node.y + Math.min(node.height / 2, 12) + 4} className="sankey-label">
            {node.name === "$drop-off" ? "drop-off" : node.name === "$other" ? "other" : truncate(node.name, 24)} · {number.format(node.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The directly-follows graph, layered by each activity's earliest position from the start activities. */
export function GraphView({ graph }: { graph: Graph }) {
  const edges = graph.edges ?? [];
  const names = new Set<string>([...Object.keys(graph.start ?? {}), ...edges.flatMap((e) => [e.from, e.to])]);
  const depth = new Map<string, number>();
  const queue = Object.keys(graph.start ?? {});
  queue.forEach((name) => depth.set(name, 0));
  while (queue.length > 0) {
    const name = queue.shift()!;
    for (const edge of edges.filter((e) => e.from === name)) {
      if (!depth.has(edge.to)) {
        depth.set(edge.to, depth.get(name)! + 1);
        queue.push(edge.to);
      }
    }
  }
  names.forEach((name) => depth.has(name) || depth.set(name, 0));
  const layers = new Map<number, string[]>();
  for (const [name, d] of depth) layers.set(d, [...(layers.get(d) ?? []), name]);
  const nodeWidth = 170;
  const layerGap = 110;
  const rowGap = 64;
  const maxRows = Math.max(1, ...[...layers.values()].map((l) => l.length));
  const width = 40 + [...layers.keys()].length * (nodeWidth + layerGap);
  const height = 40 + maxRows * rowGap;
  const position = new Map<string, { x: number; y: number }>();
  for (const [d, layer] of layers) {
    layer.sort().forEach((name, i) => position.set(name, { x: 20 + d * (nodeWidth + layerGap), y: 20 + i * rowGap + ((maxRows - layer.length) * rowGap) / 2 }));
  }
  const maxCount = Math.max(1, ...edges.map((e) => Number(e.count)));
  return (
    <svg className="dfg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label="Directly-follows graph">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="dfg-arrow" />
        </marker>
      </defs>
      {edges.map((edge, i) => {
        const a = position.get(edge.from)!;
        const b = position.get(edge.to)!;
        const self = edge.from === edge.to;
        const forward = b.x > a.x;
        const x0 = forward ? a.x + nodeWidth : a.x + nodeWidth / 2;
        const y0 = forward ? a.y + 18 : a.y + 36;
        const x1 = forward ? b.x : b.x + nodeWidth / 2;
        const y1 = forward ? b.y + 18 : b.y + 36;
        const d = self
          ? `M${a.x + nodeWidth - 20},${a.y} C${a.x + nodeWidth + 30},${a.y - 40} ${a.x + nodeWidth + 30},${a.y + 50} ${a.x + nodeWidth},${a.y + 30}`
          : forward
            ? `M${x0},${y0} C${(x0 + x1) / 2},${y0} ${(x0 + x1) / 2},${y1} ${x1},${y1}`
            : `M${x0},${y0} C${x0},${y0 + 60} ${x1},${y1 + 60} ${x1},${y1}`;
        return (
          <path key={i} d={d} className="dfg-edge" strokeWidth={1 + (Number(edge.count) / maxCount) * 7} markerEnd="url(#arrow)">
            <title>{`${edge.from} → ${edge.to}: ${number.format(Number(edge.count))}, median ${duration(edge.medianSeconds as number)}`}</title>
          </path>
        );
      })}
      {[...position].map(([name, p]) => (
        <g key={name}>
          <rect x={p.x} y={p.y} width={nodeWidth} height={36} rx={8} className={graph.start?.[name] ? "dfg-node start" : "dfg-node"} />
          <text x={p.x + nodeWidth / 2} y={p.y + 22} textAnchor="middle" className="dfg-label">{truncate(name, 24)}</text>
        </g>
      ))}
    </svg>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
