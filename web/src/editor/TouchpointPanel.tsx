import { useState } from "react";
import type { Schemas, Touchpoint } from "../api/client";

type Matcher = Schemas["EventMatcher"];
type Operator = Schemas["MatchOperator"];

const operators: { value: Operator; label: string }[] = [
  { value: "equals", label: "equals" },
  { value: "not-equals", label: "is not" },
  { value: "contains", label: "contains" },
  { value: "exists", label: "is present" },
];

const units = [
  { value: 1, label: "minutes" },
  { value: 60, label: "hours" },
  { value: 1440, label: "days" },
];

/** Minutes of an ISO 8601 duration as the server writes it (P…DT…H…M…S), or null. */
export function minutesOf(duration: unknown): number | null {
  if (typeof duration !== "string") {
    return null;
  }
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration);
  if (!match) {
    return null;
  }
  const [, days, hours, minutes, seconds] = match;
  return Number(days ?? 0) * 1440 + Number(hours ?? 0) * 60 + Number(minutes ?? 0) + Number(seconds ?? 0) / 60;
}

/** The touchpoint's details: who takes part, how long the step is planned to take, and which recorded events count
 * as it (event name, optional channel, conditions on the event's properties). */
export function TouchpointPanel({ touchpoint, readOnly, onSave, onClose }: {
  touchpoint: Touchpoint;
  readOnly: boolean;
  onSave: (change: Partial<Schemas["TouchpointRequest"]>) => void;
  onClose: () => void;
}) {
  const planned = minutesOf(touchpoint.plannedDuration);
  const initialUnit = planned === null ? 1 : planned % 1440 === 0 ? 1440 : planned % 60 === 0 ? 60 : 1;
  const [description, setDescription] = useState(touchpoint.description ?? "");
  const [form, setForm] = useState(touchpoint.form);
  const [actor, setActor] = useState(touchpoint.actor ?? "");
  const [initiator, setInitiator] = useState(touchpoint.initiator ?? "");
  const [receiver, setReceiver] = useState(touchpoint.receiver ?? "");
  const [unit, setUnit] = useState(initialUnit);
  const [amount, setAmount] = useState(planned === null ? "" : String(planned / initialUnit));
  const [matchers, setMatchers] = useState<Matcher[]>(touchpoint.eventMatchers ?? []);

  function change(index: number, next: Partial<Matcher>) {
    setMatchers(matchers.map((matcher, i) => (i === index ? { ...matcher, ...next } : matcher)));
  }

  function save() {
    const minutes = amount.trim() === "" ? null : Number(amount) * unit;
    onSave({
      description: description.trim() || null,
      form,
      actor: form === "action" ? actor.trim() || null : null,
      initiator: form === "communication" ? initiator.trim() || null : null,
      receiver: form === "communication" ? receiver.trim() || null : null,
      plannedDuration: minutes === null || Number.isNaN(minutes) ? null : `PT${Math.round(minutes)}M`,
      eventMatchers: matchers
        .filter((matcher) => matcher.eventName.trim() !== "")
        .map((matcher) => ({
          eventName: matcher.eventName.trim(),
          channel: matcher.channel?.trim() || null,
          conditions: matcher.conditions.filter((condition) => condition.property.trim() !== "").map((condition) => ({
            property: condition.property.trim(),
            operator: condition.operator,
            value: condition.operator === "exists" ? null : (condition.value ?? ""),
          })),
        })),
    });
  }

  return (
    <aside className="side-panel touchpoint-panel" aria-label="Touchpoint details">
      <header className="panel-header">
        <h2>{touchpoint.name}</h2>
        <button type="button" aria-label="Close the touchpoint details" onClick={onClose}>×</button>
      </header>
      <fieldset disabled={readOnly}>
        <label>Description <textarea value={description} onChange={(event) => setDescription(event.target.value)} rows={3} /></label>
        <label>
          Form{" "}
          <select value={form} onChange={(event) => setForm(event.target.value as Touchpoint["form"])}>
            <option value="action">Action (one actor)</option>
            <option value="communication">Communication (initiator → receiver)</option>
          </select>
        </label>
        {form === "action" ? (
          <label>Actor <input value={actor} onChange={(event) => setActor(event.target.value)} /></label>
        ) : (
          <>
            <label>Initiator <input value={initiator} onChange={(event) => setInitiator(event.target.value)} /></label>
            <label>Receiver <input value={receiver} onChange={(event) => setReceiver(event.target.value)} /></label>
          </>
        )}
        <label>
          Planned duration{" "}
          <input type="number" min={0} step="any" aria-label="Planned duration" value={amount} onChange={(event) => setAmount(event.target.value)} style={{ width: "6rem" }} />{" "}
          <select aria-label="Planned duration unit" value={unit} onChange={(event) => setUnit(Number(event.target.value))}>
            {units.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
          </select>
        </label>
        <h3>Events that count as this touchpoint</h3>
        {matchers.length === 0 && <p className="muted">None yet: nothing in the data maps here.</p>}
        {matchers.map((matcher, index) => (
          <div key={index} className="matcher" role="group" aria-label={`Event matcher ${index + 1}`}>
            <label>Event <input aria-label={`Event name ${index + 1}`} value={matcher.eventName} onChange={(event) => change(index, { eventName: event.target.value })} /></label>
            <label>Channel <input aria-label={`Channel ${index + 1}`} placeholder="any" value={matcher.channel ?? ""} onChange={(event) => change(index, { channel: event.target.value })} /></label>
            {matcher.conditions.map((condition, c) => (
              <div key={c} className="condition">
                <input aria-label={`Property ${index + 1}.${c + 1}`} placeholder="property" value={condition.property}
                  onChange={(event) => change(index, { conditions: matcher.conditions.map((item, i) => (i === c ? { ...item, property: event.target.value } : item)) })} />
                <select aria-label={`Operator ${index + 1}.${c + 1}`} value={condition.operator}
                  onChange={(event) => change(index, { conditions: matcher.conditions.map((item, i) => (i === c ? { ...item, operator: event.target.value as Operator } : item)) })}>
                  {operators.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
                </select>
                {condition.operator !== "exists" && (
                  <input aria-label={`Value ${index + 1}.${c + 1}`} placeholder="value" value={condition.value ?? ""}
                    onChange={(event) => change(index, { conditions: matcher.conditions.map((item, i) => (i === c ? { ...item, value: event.target.value } : item)) })} />
                )}
                <button type="button" aria-label={`Remove condition ${index + 1}.${c + 1}`} onClick={() => change(index, { conditions: matcher.conditions.filter((_, i) => i !== c) })}>×</button>
              </div>
            ))}
            <button type="button" onClick={() => change(index, { conditions: [...matcher.conditions, { property: "", operator: "equals", value: "" }] })}>+ Condition</button>{" "}
            <button type="button" aria-label={`Remove event matcher ${index + 1}`} onClick={() => setMatchers(matchers.filter((_, i) => i !== index))}>Remove</button>
          </div>
        ))}
        <button type="button" onClick={() => setMatchers([...matchers, { eventName: "", channel: null, conditions: [] }])}>+ Event</button>
        <div className="panel-actions">
          <button type="button" className="primary" onClick={save}>Save</button>
        </div>
      </fieldset>
    </aside>
  );
}
