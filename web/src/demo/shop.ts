import { Tracker, type SendResult } from "../tracker/tracker";
import "./shop.css";

/**
 * A demo shop page: each button is a step of the demo workspace's "Online purchase" journey and sends the event its
 * touchpoint is matched by, so the numbers on an open map move as you click. The write key comes from the address
 * (#key=wmw_…, which the Tracking page links to) or is pasted in.
 */
const steps: { label: string; event: string; channel: string; note: string }[] = [
  { label: "Click the spring ad", event: "ad_clicked", channel: "social", note: "Aware" },
  { label: "View a jacket", event: "product_viewed", channel: "web", note: "Consideration" },
  { label: "Compare prices", event: "price_compared", channel: "web", note: "Consideration" },
  { label: "Read reviews", event: "reviews_viewed", channel: "web", note: "Consideration" },
  { label: "Add to basket", event: "cart_added", channel: "web", note: "Purchase" },
  { label: "Create an account", event: "account_created", channel: "web", note: "Purchase" },
  { label: "Pay", event: "order_completed", channel: "web", note: "Purchase" },
  { label: "Track the parcel", event: "shipment_tracked", channel: "app", note: "Retention" },
  { label: "Parcel delivered", event: "delivered", channel: "in-person", note: "Retention" },
];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  if (text !== undefined) {
    node.textContent = text; // never innerHTML: answers from the server are shown as text
  }
  return node;
}

const root = document.getElementById("shop")!;
const header = element("header");
header.append(element("h1", {}, "Northwind Outfitters"), element("p", {}, "A demo shop. Each button sends the event of one touchpoint of the demo journey to Waymark; open the journey's map with Evidence on to watch the numbers move."));
const keyLabel = element("label", {}, "Write key ");
const keyInput = element("input", { id: "write-key", placeholder: "wmw_…", size: "52", autocomplete: "off" });
keyInput.value = new URLSearchParams(window.location.hash.slice(1)).get("key") ?? "";
keyLabel.append(keyInput);
const who = element("p", { id: "who" });
const newCustomer = element("button", { type: "button" }, "Be a new customer");
const buttons = element("div", { class: "steps", role: "group", "aria-label": "Journey steps" });
const answer = element("div", { class: "answer" });
const log = element("ol", { id: "log", "aria-live": "polite", "aria-label": "What Waymark answered" });
root.append(header, keyLabel, newCustomer, who, buttons, answer, element("h2", {}, "What Waymark answered"), log);

let tracker: Tracker | null = null;

function report(result: SendResult) {
  const item = element("li", { "data-status": String(result.status) });
  const body = result.body as { stored?: number; duplicates?: number; code?: string; detail?: string } | null;
  item.textContent = `${result.route}: ${result.status} — ${result.messages} message(s)` +
    (body?.stored !== undefined ? `, stored ${body.stored}, duplicates ${body.duplicates ?? 0}` : body?.code ? `, ${body.code}: ${body.detail ?? ""}` : "") +
    (result.retryInSeconds !== null ? `; retrying in ${result.retryInSeconds.toFixed(1)} s` : "");
  log.prepend(item);
}

function connect(): Tracker | null {
  const key = keyInput.value.trim();
  if (!key) {
    keyInput.focus();
    return null;
  }
  if (!tracker) {
    tracker = new Tracker({ writeKey: key, onResult: report, flushInterval: 200 });
  }
  who.textContent = `Customer: ${tracker.userId ?? `anonymous ${tracker.anonymousId.slice(0, 8)}`}`;
  return tracker;
}

keyInput.addEventListener("change", () => {
  tracker = null;
  connect();
});

newCustomer.addEventListener("click", () => {
  localStorage.removeItem("waymark.anonymousId");
  localStorage.removeItem("waymark.userId");
  tracker = null;
  connect();
});

for (const step of steps) {
  const button = element("button", { type: "button", "data-event": step.event }, step.label);
  button.title = `${step.note}: sends "${step.event}" (${step.channel})`;
  button.addEventListener("click", () => {
    const current = connect();
    if (!current) return;
    if (step.event === "account_created" && !current.userId) {
      current.identify(`shopper-${current.anonymousId.slice(0, 8)}`, { segment: "demo-shop" });
    }
    current.track(step.event, { channel: step.channel });
    who.textContent = `Customer: ${current.userId ?? `anonymous ${current.anonymousId.slice(0, 8)}`}`;
  });
  buttons.append(button);
}

const ease = element("label", {}, "How easy was checkout? (CES, 1 = very hard … 7 = very easy) ");
const score = element("select", { id: "ces" });
for (let value = 1; value <= 7; value++) {
  score.append(element("option", { value: String(value) }, String(value)));
}
score.value = "5";
const send = element("button", { type: "button" }, "Send answer");
send.addEventListener("click", () => connect()?.answer({ touchpoint: "account_created", metric: "ces", score: Number(score.value) }));
ease.append(score);
answer.append(ease, send);
connect();
