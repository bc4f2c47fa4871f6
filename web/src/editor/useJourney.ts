import { useCallback, useEffect, useRef, useState } from "react";
import { api, describe, present, type Journey, type Problem, type Schemas } from "../api/client";

/** One edit of the journey: sent against the journey as the server has it, so a retry after a conflict re-applies
 * the user's change to the latest version instead of overwriting someone else's. */
export interface Edit {
  label: string;
  /** What the user wrote or chose, shown when the edit meets a conflict so nothing is lost from sight. */
  detail?: string;
  send: (journey: Journey) => Promise<{ data?: Schemas["Journey"]; error?: unknown; response: Response }>;
  /** The edit that undoes this one, computed from the journey before it. */
  inverse?: (before: Journey, after: Journey) => Edit | null;
}

export interface Conflict {
  edit: Edit;
  theirs: Journey;
  changes: string[];
}

export type SaveState = "saved" | "saving" | "offline" | "conflict";

/** Loads a journey and applies edits one at a time with If-Match, keeping undo and redo stacks. */
export function useJourney(workspaceId: string, journeyId: string) {
  const [journey, setJourney] = useState<Journey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>("saved");
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [undoStack, setUndo] = useState<Edit[]>([]);
  const [redoStack, setRedo] = useState<Edit[]>([]);
  const current = useRef<Journey | null>(null);
  const queue = useRef<{ edit: Edit; kind: "do" | "undo" | "redo" }[]>([]);
  const running = useRef(false);

  const load = useCallback(async () => {
    const result = await api.GET("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}", {
      params: { path: { workspaceId, journeyId } },
    });
    if (result.data) {
      const loaded = present(result.data);
      current.current = loaded;
      setJourney(loaded);
      return loaded;
    }
    setError(describe(result.error));
    return null;
  }, [workspaceId, journeyId]);

  useEffect(() => {
    void load();
  }, [load]);

  const pump = useCallback(async () => {
    if (running.current) {
      return;
    }
    running.current = true;
    try {
      while (queue.current.length > 0) {
        const next = queue.current[0]!;
        const before = current.current!;
        setState("saving");
        let result: Awaited<ReturnType<Edit["send"]>>;
        try {
          result = await next.edit.send(before);
        } catch {
          setState("offline");
          setError("The server could not be reached. Your change is kept and will be sent again.");
          await new Promise((resolve) => window.setTimeout(resolve, 2000));
          continue;
        }
        if (result.data) {
          // Every edit answers with the whole journey (the API's contract for journey edits).
          const after = present(result.data);
          queue.current.shift();
          current.current = after;
          setJourney(after);
          setError(null);
          const inverse = next.edit.inverse?.(before, after) ?? null;
          if (inverse) {
            if (next.kind === "undo") {
              setRedo((stack) => [...stack, inverse]);
            } else {
              setUndo((stack) => [...stack, inverse]);
              if (next.kind === "do") {
                setRedo([]);
              }
            }
          }
          continue;
        }
        const problem = result.error as Problem | undefined;
        if (result.response.status === 409 && problem?.code === "journey.version-conflict") {
          const theirs = await load();
          if (theirs) {
            queue.current.shift();
            const pending = queue.current.splice(0);
            setConflict({ edit: next.edit, theirs, changes: [...differences(before, theirs), ...pending.map((p) => `Also waiting: ${p.edit.label}`)] });
            setState("conflict");
          }
          return;
        }
        // Rejected by the server (invalid edit): drop it, reload what the server has, tell the user.
        queue.current.shift();
        setError(`${next.edit.label}: ${describe(problem)}`);
        await load();
      }
      setState("saved");
    } finally {
      running.current = false;
    }
  }, [load]);

  const apply = useCallback(
    (edit: Edit, kind: "do" | "undo" | "redo" = "do") => {
      if (conflict) {
        return;
      }
      queue.current.push({ edit, kind });
      void pump();
    },
    [pump, conflict],
  );

  const undo = useCallback(() => {
    const edit = undoStack[undoStack.length - 1];
    if (edit) {
      setUndo((stack) => stack.slice(0, -1));
      apply(edit, "undo");
    }
  }, [undoStack, apply]);

  const redo = useCallback(() => {
    const edit = redoStack[redoStack.length - 1];
    if (edit) {
      setRedo((stack) => stack.slice(0, -1));
      apply(edit, "redo");
    }
  }, [redoStack, apply]);

  /** After a conflict: apply the user's change on top of the latest version, or drop it. */
  const resolve = useCallback(
    (keepMine: boolean) => {
      const open = conflict;
      setConflict(null);
      setState("saved");
      if (open && keepMine) {
        queue.current.push({ edit: open.edit, kind: "do" });
        void pump();
      }
    },
    [conflict, pump],
  );

  return { journey, error, state, conflict, apply, undo, redo, canUndo: undoStack.length > 0, canRedo: redoStack.length > 0, resolve, reload: load };
}

/** What someone else changed between two versions, in words the user knows. */
export function differences(mine: Journey, theirs: Journey): string[] {
  const changes: string[] = [];
  if (mine.name !== theirs.name) {
    changes.push(`Name is now “${theirs.name}”`);
  }
  const mineStages = new Map(mine.stages.map((stage) => [stage.id, stage]));
  for (const stage of theirs.stages) {
    const before = mineStages.get(stage.id);
    if (!before) {
      changes.push(`Stage added: ${stage.name}`);
    } else if (before.name !== stage.name) {
      changes.push(`Stage renamed: ${before.name} → ${stage.name}`);
    }
  }
  for (const stage of mine.stages) {
    if (!theirs.stages.some((other) => other.id === stage.id)) {
      changes.push(`Stage removed: ${stage.name}`);
    }
  }
  const touchpoints = (journey: Journey) => new Map(journey.stages.flatMap((stage) => stage.touchpoints).map((tp) => [tp.id, tp]));
  const mineTouchpoints = touchpoints(mine);
  for (const [id, touchpoint] of touchpoints(theirs)) {
    const before = mineTouchpoints.get(id);
    if (!before) {
      changes.push(`Touchpoint added: ${touchpoint.name}`);
    } else if (before.name !== touchpoint.name) {
      changes.push(`Touchpoint renamed: ${before.name} → ${touchpoint.name}`);
    }
  }
  const mineCards = new Map(mine.cards.map((card) => [card.id, card]));
  for (const card of theirs.cards) {
    const before = mineCards.get(card.id);
    if (!before) {
      changes.push(`Card added: “${card.text ?? ""}”`);
    } else if ((before.text ?? "") !== (card.text ?? "")) {
      changes.push(`Card changed: “${before.text ?? ""}” → “${card.text ?? ""}”`);
    } else if (JSON.stringify(before.emotions) !== JSON.stringify(card.emotions)) {
      changes.push("Emotion scores changed");
    }
  }
  for (const card of mine.cards) {
    if (!theirs.cards.some((other) => other.id === card.id)) {
      changes.push(`Card removed: “${card.text ?? ""}”`);
    }
  }
  if (mine.lanes.length !== theirs.lanes.length) {
    changes.push("Lanes added or removed");
  }
  return changes.length > 0 ? changes : [`Version ${theirs.version} has changes that are not on the map (details, links).`];
}
