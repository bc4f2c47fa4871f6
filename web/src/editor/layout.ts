import type { Card, Journey, Lane, Stage, Touchpoint } from "../api/client";

/** One touchpoint column of the map, with its stage. */
export interface Column {
  touchpoint: Touchpoint | null; // null: the placeholder column of a stage without touchpoints
  stage: Stage;
  stageIndex: number;
  index: number;
}

/** A card placed on the grid: its lane, first column, span and stacking row within the lane. */
export interface PlacedCard {
  card: Card;
  column: number;
  span: number;
  level: number;
}

export interface LaneLayout {
  lane: Lane;
  firstRow: number; // 1-based grid row
  rows: number;
  cards: PlacedCard[];
}

export interface MapLayout {
  columns: Column[];
  lanes: LaneLayout[];
  headerRows: number;
}

/** Lays the journey out as the editor (and the server's SVG) draw it: stages as column groups, touchpoints as
 * columns, lanes as rows; a card spans its touchpoints' columns (from the first to the last) and stacks below
 * other cards of its lane that overlap it. */
export function layout(journey: Journey): MapLayout {
  const columns: Column[] = [];
  journey.stages.forEach((stage, stageIndex) => {
    if (stage.touchpoints.length === 0) {
      columns.push({ touchpoint: null, stage, stageIndex, index: columns.length });
    }
    for (const touchpoint of stage.touchpoints) {
      columns.push({ touchpoint, stage, stageIndex, index: columns.length });
    }
  });
  const columnOf = new Map<string, number>();
  columns.forEach((column) => column.touchpoint && columnOf.set(column.touchpoint.id, column.index));

  const headerRows = 2;
  let row = headerRows + 1;
  const lanes = journey.lanes.map((lane) => {
    const placed: PlacedCard[] = [];
    const levels: number[][] = []; // per level, the occupied columns
    const cards = journey.cards
      .filter((card) => card.laneId === lane.id)
      .map((card) => {
        const at = card.touchpointIds.map((id) => columnOf.get(id)).filter((value): value is number => value !== undefined);
        return { card, first: Math.min(...at), last: Math.max(...at) };
      })
      .filter((entry) => Number.isFinite(entry.first))
      .sort((a, b) => a.first - b.first || b.last - a.last);
    for (const { card, first, last } of cards) {
      let level = 0;
      while (levels[level]?.some((column) => column >= first && column <= last)) {
        level++;
      }
      (levels[level] ??= []).push(...range(first, last));
      placed.push({ card, column: first, span: last - first + 1, level });
    }
    const rows = lane.type === "emotions" ? 1 : Math.max(1, levels.length);
    const result = { lane, firstRow: row, rows, cards: placed };
    row += rows;
    return result;
  });

  return { columns, lanes, headerRows };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
