import { api, ifMatch, type Card, type Journey, type Schemas, type Touchpoint } from "../api/client";
import type { Edit } from "./useJourney";

type Ids = { workspaceId: string; journeyId: string };

function cardRequest(card: Card): Schemas["CardRequest"] {
  return {
    laneId: card.laneId,
    touchpointIds: card.touchpointIds,
    text: card.text ?? null,
    emotions: card.emotions ?? [],
    painPointId: card.painPointId ?? null,
    opportunityId: card.opportunityId ?? null,
    imageUrl: card.imageUrl ?? null,
  };
}

function touchpointRequest(touchpoint: Touchpoint): Schemas["TouchpointRequest"] {
  return {
    name: touchpoint.name,
    form: touchpoint.form,
    description: touchpoint.description ?? null,
    channel: touchpoint.channel ?? null,
    initiator: touchpoint.initiator ?? null,
    receiver: touchpoint.receiver ?? null,
    actor: touchpoint.actor ?? null,
    eventMatchers: touchpoint.eventMatchers ?? [],
    plannedDuration: touchpoint.plannedDuration ?? null,
  };
}

export function findTouchpoint(journey: Journey, id: string): Touchpoint | undefined {
  return journey.stages.flatMap((stage) => stage.touchpoints).find((touchpoint) => touchpoint.id === id);
}

function added<T extends { id: string }>(before: T[], after: T[]): T | undefined {
  const known = new Set(before.map((item) => item.id));
  return after.find((item) => !known.has(item.id));
}

export function cardText(ids: Ids, cardId: string, text: string): Edit {
  return {
    label: "Edit card",
    detail: text,
    send: (journey) => {
      const card = journey.cards.find((candidate) => candidate.id === cardId);
      if (!card) {
        return Promise.reject(new Error("The card no longer exists."));
      }
      return api.PUT("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/cards/{cardId}", {
        params: { path: { ...ids, cardId } },
        body: { ...cardRequest(card), text },
        headers: ifMatch(journey.version),
      });
    },
    inverse: (before) => {
      const old = before.cards.find((candidate) => candidate.id === cardId);
      return old ? cardText(ids, cardId, old.text ?? "") : null;
    },
  };
}

export function addCard(ids: Ids, laneId: string, touchpointIds: string[], text: string): Edit {
  return {
    label: "Add card",
    send: (journey) =>
      api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/cards", {
        params: { path: ids },
        body: { laneId, touchpointIds, text, emotions: [] },
        headers: ifMatch(journey.version),
      }),
    inverse: (before, after) => {
      const card = added(before.cards, after.cards);
      return card ? deleteCard(ids, card.id) : null;
    },
  };
}

export function deleteCard(ids: Ids, cardId: string): Edit {
  return {
    label: "Delete card",
    send: (journey) =>
      api.DELETE("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/cards/{cardId}", {
        params: { path: { ...ids, cardId } },
        headers: ifMatch(journey.version),
      }),
    inverse: (before) => {
      const card = before.cards.find((candidate) => candidate.id === cardId);
      return card ? { ...addCard(ids, card.laneId, card.touchpointIds, card.text ?? ""), label: "Restore card" } : null;
    },
  };
}

/** Sets one persona's emotion at a touchpoint: the emotion lane's card there, created when missing. */
export function setEmotion(ids: Ids, laneId: string, touchpointId: string, personaId: string, score: number): Edit {
  return {
    label: "Change emotion",
    send: (journey) => {
      const card = journey.cards.find((candidate) => candidate.laneId === laneId && candidate.touchpointIds.includes(touchpointId));
      if (!card) {
        return api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/cards", {
          params: { path: ids },
          body: { laneId, touchpointIds: [touchpointId], text: "", emotions: [{ personaId, score }] },
          headers: ifMatch(journey.version),
        });
      }
      const emotions = [...(card.emotions ?? []).filter((emotion) => emotion.personaId !== personaId), { personaId, score }];
      return api.PUT("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/cards/{cardId}", {
        params: { path: { ...ids, cardId: card.id } },
        body: { ...cardRequest(card), emotions },
        headers: ifMatch(journey.version),
      });
    },
    inverse: (before) => {
      const card = before.cards.find((candidate) => candidate.laneId === laneId && candidate.touchpointIds.includes(touchpointId));
      const old = card?.emotions?.find((emotion) => emotion.personaId === personaId);
      return old ? setEmotion(ids, laneId, touchpointId, personaId, Number(old.score)) : null;
    },
  };
}

export function addStage(ids: Ids, name: string, position?: number): Edit {
  return {
    label: "Add stage",
    send: (journey) =>
      api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/stages", {
        params: { path: ids },
        body: { name, position: position ?? null },
        headers: ifMatch(journey.version),
      }),
    inverse: (before, after) => {
      const stage = added(before.stages, after.stages);
      return stage ? deleteStage(ids, stage.id) : null;
    },
  };
}

export function renameStage(ids: Ids, stageId: string, name: string): Edit {
  return {
    label: "Rename stage",
    send: (journey) => {
      const stage = journey.stages.find((candidate) => candidate.id === stageId);
      return api.PUT("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/stages/{stageId}", {
        params: { path: { ...ids, stageId } },
        body: { name, description: stage?.description ?? null },
        headers: ifMatch(journey.version),
      });
    },
    inverse: (before) => {
      const stage = before.stages.find((candidate) => candidate.id === stageId);
      return stage ? renameStage(ids, stageId, stage.name) : null;
    },
  };
}

export function deleteStage(ids: Ids, stageId: string): Edit {
  return {
    label: "Delete stage",
    send: (journey) =>
      api.DELETE("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/stages/{stageId}", {
        params: { path: { ...ids, stageId } },
        headers: ifMatch(journey.version),
      }),
  };
}

export function moveStage(ids: Ids, stageId: string, position: number): Edit {
  return {
    label: "Move stage",
    send: (journey) =>
      api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/stages/{stageId}/move", {
        params: { path: { ...ids, stageId } },
        body: { position },
        headers: ifMatch(journey.version),
      }),
    inverse: (before) => {
      const from = before.stages.findIndex((candidate) => candidate.id === stageId);
      return from >= 0 ? moveStage(ids, stageId, from) : null;
    },
  };
}

export function addTouchpoint(ids: Ids, stageId: string, name: string, channel: string | null): Edit {
  return {
    label: "Add touchpoint",
    send: (journey) =>
      api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/stages/{stageId}/touchpoints", {
        params: { path: { ...ids, stageId } },
        body: { name, form: "action", actor: "Customer", channel },
        headers: ifMatch(journey.version),
      }),
    inverse: (before, after) => {
      const all = (journey: Journey) => journey.stages.flatMap((stage) => stage.touchpoints);
      const touchpoint = added(all(before), all(after));
      return touchpoint ? deleteTouchpoint(ids, touchpoint.id) : null;
    },
  };
}

/** A new touchpoint for a recorded event: named after it, matching it on any channel. */
export function addTouchpointForEvent(ids: Ids, stageId: string, eventName: string): Edit {
  return {
    label: "Add touchpoint for an event",
    send: (journey) =>
      api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/stages/{stageId}/touchpoints", {
        params: { path: { ...ids, stageId } },
        body: { name: eventName.replaceAll("_", " "), form: "action", actor: "Customer", channel: null, eventMatchers: [{ eventName, channel: null, conditions: [] }] },
        headers: ifMatch(journey.version),
      }),
    inverse: (before, after) => {
      const all = (journey: Journey) => journey.stages.flatMap((stage) => stage.touchpoints);
      const touchpoint = added(all(before), all(after));
      return touchpoint ? deleteTouchpoint(ids, touchpoint.id) : null;
    },
  };
}

/** Adds an event matcher (the event on any channel) to a touchpoint, on top of the matchers it has when sent. */
export function mapEvent(ids: Ids, touchpointId: string, eventName: string): Edit {
  const withEvent = (journey: Journey) =>
    updateTouchpoint(ids, touchpointId, { eventMatchers: [...(findTouchpoint(journey, touchpointId)?.eventMatchers ?? []), { eventName, channel: null, conditions: [] }] });
  return { label: "Map event", send: (journey) => withEvent(journey).send(journey), inverse: (before, after) => withEvent(before).inverse?.(before, after) ?? null };
}

export function updateTouchpoint(ids: Ids, touchpointId: string, change: Partial<Schemas["TouchpointRequest"]>): Edit {
  return {
    label: "Change touchpoint",
    send: (journey) => {
      const touchpoint = findTouchpoint(journey, touchpointId);
      if (!touchpoint) {
        return Promise.reject(new Error("The touchpoint no longer exists."));
      }
      return api.PUT("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/touchpoints/{touchpointId}", {
        params: { path: { ...ids, touchpointId } },
        body: { ...touchpointRequest(touchpoint), ...change },
        headers: ifMatch(journey.version),
      });
    },
    inverse: (before) => {
      const touchpoint = findTouchpoint(before, touchpointId);
      return touchpoint ? updateTouchpoint(ids, touchpointId, touchpointRequest(touchpoint)) : null;
    },
  };
}

export function deleteTouchpoint(ids: Ids, touchpointId: string): Edit {
  return {
    label: "Delete touchpoint",
    send: (journey) =>
      api.DELETE("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/touchpoints/{touchpointId}", {
        params: { path: { ...ids, touchpointId } },
        headers: ifMatch(journey.version),
      }),
  };
}

export function moveTouchpoint(ids: Ids, touchpointId: string, stageId: string, position: number): Edit {
  return {
    label: "Move touchpoint",
    send: (journey) =>
      api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/touchpoints/{touchpointId}/move", {
        params: { path: { ...ids, touchpointId } },
        body: { stageId, position },
        headers: ifMatch(journey.version),
      }),
    inverse: (before) => {
      const stage = before.stages.find((candidate) => candidate.touchpoints.some((tp) => tp.id === touchpointId));
      return stage ? moveTouchpoint(ids, touchpointId, stage.id, stage.touchpoints.findIndex((tp) => tp.id === touchpointId)) : null;
    },
  };
}

export function addLane(ids: Ids, type: Schemas["LaneType"], name: string): Edit {
  return {
    label: "Add lane",
    send: (journey) =>
      api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/lanes", {
        params: { path: ids },
        body: { type, name },
        headers: ifMatch(journey.version),
      }),
    inverse: (before, after) => {
      const lane = added(before.lanes, after.lanes);
      return lane ? deleteLane(ids, lane.id) : null;
    },
  };
}

export function renameLane(ids: Ids, laneId: string, name: string): Edit {
  return {
    label: "Rename lane",
    send: (journey) =>
      api.PUT("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/lanes/{laneId}", {
        params: { path: { ...ids, laneId } },
        body: { name },
        headers: ifMatch(journey.version),
      }),
    inverse: (before) => {
      const lane = before.lanes.find((candidate) => candidate.id === laneId);
      return lane ? renameLane(ids, laneId, lane.name) : null;
    },
  };
}

export function deleteLane(ids: Ids, laneId: string): Edit {
  return {
    label: "Delete lane",
    send: (journey) =>
      api.DELETE("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/lanes/{laneId}", {
        params: { path: { ...ids, laneId } },
        headers: ifMatch(journey.version),
      }),
  };
}

export function moveLane(ids: Ids, laneId: string, position: number): Edit {
  return {
    label: "Move lane",
    send: (journey) =>
      api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/lanes/{laneId}/move", {
        params: { path: { ...ids, laneId } },
        body: { position },
        headers: ifMatch(journey.version),
      }),
    inverse: (before) => {
      const from = before.lanes.findIndex((candidate) => candidate.id === laneId);
      return from >= 0 ? moveLane(ids, laneId, from) : null;
    },
  };
}

type PainPointFields = Schemas["PainPointRequest"];
type OpportunityFields = Schemas["OpportunityRequest"];

/** A pain point or opportunity, created with a card that shows it in its lane at one touchpoint. */
export function addLinked(ids: Ids, kind: "pain-point" | "opportunity", laneId: string, touchpointId: string): Edit {
  return {
    label: kind === "pain-point" ? "Add pain point" : "Add opportunity",
    send: async (journey) => {
      const created =
        kind === "pain-point"
          ? await api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/pain-points", {
              params: { path: ids },
              body: { title: "New pain point", severity: 3, touchpointIds: [touchpointId] },
              headers: ifMatch(journey.version),
            })
          : await api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/opportunities", {
              params: { path: ids },
              body: { title: "New opportunity", value: 3, effort: 3, touchpointIds: [touchpointId] },
              headers: ifMatch(journey.version),
            });
      if (!created.data) {
        return created;
      }
      const after = created.data;
      const objects: { id: string }[] = kind === "pain-point" ? (after.painPoints ?? []) : (after.opportunities ?? []);
      const known = new Set((kind === "pain-point" ? journey.painPoints : journey.opportunities).map((item) => item.id));
      const id = objects.find((item) => !known.has(item.id))!.id;
      return api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/cards", {
        params: { path: ids },
        body: { laneId, touchpointIds: [touchpointId], text: "", emotions: [], painPointId: kind === "pain-point" ? id : null, opportunityId: kind === "opportunity" ? id : null },
        headers: ifMatch(Number(after.version)),
      });
    },
  };
}

/** A pain point from a candidate the evidence found, linked to its touchpoint, with a card in the first
 * pain-point lane when the map has one. */
export function promoteCandidate(ids: Ids, candidate: { touchpoint: string; title: string; description: string; severity: number; owner: string | null }): Edit {
  return {
    label: "Promote pain point",
    send: async (journey) => {
      const created = await api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/pain-points", {
        params: { path: ids },
        body: { title: candidate.title, description: candidate.description, severity: candidate.severity, owner: candidate.owner, touchpointIds: [candidate.touchpoint] },
        headers: ifMatch(journey.version),
      });
      const lane = journey.lanes.find((item) => item.type === "pain-points");
      if (!created.data || !lane) {
        return created;
      }
      const painPoint = added(journey.painPoints, created.data.painPoints ?? []);
      return api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/cards", {
        params: { path: ids },
        body: { laneId: lane.id, touchpointIds: [candidate.touchpoint], text: "", emotions: [], painPointId: painPoint?.id ?? null, opportunityId: null },
        headers: ifMatch(Number(created.data.version)),
      });
    },
  };
}

export function savePainPoint(ids: Ids, painPointId: string, fields: PainPointFields): Edit {
  return {
    label: "Change pain point",
    send: (journey) =>
      api.PUT("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/pain-points/{painPointId}", {
        params: { path: { ...ids, painPointId } },
        body: fields,
        headers: ifMatch(journey.version),
      }),
    inverse: (before) => {
      const old = before.painPoints.find((item) => item.id === painPointId);
      return old
        ? savePainPoint(ids, painPointId, { title: old.title, severity: Number(old.severity), description: old.description, owner: old.owner, status: old.status, touchpointIds: old.touchpointIds })
        : null;
    },
  };
}

export function saveOpportunity(ids: Ids, opportunityId: string, fields: OpportunityFields): Edit {
  return {
    label: "Change opportunity",
    send: (journey) =>
      api.PUT("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/opportunities/{opportunityId}", {
        params: { path: { ...ids, opportunityId } },
        body: fields,
        headers: ifMatch(journey.version),
      }),
    inverse: (before) => {
      const old = before.opportunities.find((item) => item.id === opportunityId);
      return old
        ? saveOpportunity(ids, opportunityId, {
            title: old.title, value: Number(old.value), effort: Number(old.effort), description: old.description, owner: old.owner,
            status: old.status, touchpointIds: old.touchpointIds, painPointIds: old.painPointIds,
          })
        : null;
    },
  };
}

export function deleteLinked(ids: Ids, kind: "pain-point" | "opportunity", id: string): Edit {
  return {
    label: kind === "pain-point" ? "Delete pain point" : "Delete opportunity",
    send: (journey) =>
      kind === "pain-point"
        ? api.DELETE("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/pain-points/{painPointId}", { params: { path: { ...ids, painPointId: id } }, headers: ifMatch(journey.version) })
        : api.DELETE("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/opportunities/{opportunityId}", { params: { path: { ...ids, opportunityId: id } }, headers: ifMatch(journey.version) }),
  };
}

/** Moves a card to another lane and/or touchpoints (its span); the server checks the lane accepts it. */
export function moveCard(ids: Ids, cardId: string, laneId: string | null, touchpointIds: string[], label = "Move card"): Edit {
  return {
    label,
    send: (journey) => {
      const card = journey.cards.find((candidate) => candidate.id === cardId);
      return api.POST("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/cards/{cardId}/move", {
        params: { path: { ...ids, cardId } },
        body: { laneId: laneId ?? card?.laneId ?? "", touchpointIds },
        headers: ifMatch(journey.version),
      });
    },
    inverse: (before) => {
      const card = before.cards.find((candidate) => candidate.id === cardId);
      return card ? moveCard(ids, cardId, card.laneId, card.touchpointIds, label) : null;
    },
  };
}

/** Makes a card span one more (or one fewer) touchpoint to the right, in its lane. */
export function spanCard(ids: Ids, cardId: string, touchpointIds: string[]): Edit {
  return moveCard(ids, cardId, null, touchpointIds, "Resize card");
}
