/** Small line icons for channels; unknown channels get a generic dot. Paths are drawn on a 16×16 grid. */
const paths: Record<string, string> = {
  web: "M2 3h12v10H2z M2 6h12 M4 4.5h.01 M6 4.5h.01",
  app: "M5 1.5h6v13H5z M7.5 12.5h1",
  email: "M2 4h12v8H2z M2 4l6 5 6-5",
  store: "M2 6l1-3h10l1 3 M3 6v8h10V6 M6.5 14v-4h3v4 M2 6h12",
  phone: "M4 2l2 0 1 3-1.5 1a8 8 0 0 0 4 4l1-1.5 3 1v2a1.5 1.5 0 0 1-1.5 1.5A11 11 0 0 1 2.5 3.5 1.5 1.5 0 0 1 4 2z",
  social: "M4 8a2 2 0 1 0 .01 0z M12 3.5a2 2 0 1 0 .01 0z M12 12.5a2 2 0 1 0 .01 0z M5.8 7l4.4-2.3 M5.8 9l4.4 2.3",
  chat: "M2 3h12v8H7l-3 3v-3H2z",
  "in-person": "M8 2.5a2.2 2.2 0 1 0 .01 0z M4 14c0-3 1.8-5 4-5s4 2 4 5",
  mail: "M2 5h12v8H2z M5 5V3h6v2",
  sms: "M3 2h10v9H8l-3 3v-3H3z M5.5 6.5h5",
};

export function ChannelIcon({ channel }: { channel: string | null | undefined }) {
  if (!channel) {
    return null;
  }
  const d = paths[channel.toLowerCase()] ?? "M8 6a2 2 0 1 0 .01 0z";
  return (
    <span className="channel" title={`Channel: ${channel}`}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d={d} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span>{channel}</span>
    </span>
  );
}

export const personaColours = ["#2563eb", "#db2777", "#0f9d58", "#ea580c", "#7c3aed", "#0891b2"];
