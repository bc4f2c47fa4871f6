import { useEffect, useState, type FormEvent } from "react";
import { api, describe, present, type Present, type Schemas, type Workspace } from "../api/client";

type WriteKey = Present<Schemas["WriteKeySummary"]>;
type Failed = Present<Schemas["FailedMessage"]>;
type Conflict = Present<Schemas["MessageConflict"]>;

function when(value: string | null): string {
  return value ? new Date(value).toLocaleString() : "–";
}

/** Live tracking: write keys for the ingestion API, how to send, and what ingestion kept aside (failed messages with
 * replay, message-id conflicts). */
export function Tracking({ workspace }: { workspace: Workspace }) {
  const owner = workspace.role === "owner";
  const editor = workspace.role !== "viewer";
  const path = { workspaceId: workspace.id };
  const [keys, setKeys] = useState<WriteKey[]>([]);
  const [failed, setFailed] = useState<Failed[]>([]);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function load() {
    const [keyList, failedList, conflictList] = await Promise.all([
      owner ? api.GET("/api/v1/workspaces/{workspaceId}/write-keys", { params: { path } }) : Promise.resolve(null),
      api.GET("/api/v1/workspaces/{workspaceId}/ingest/failed", { params: { path, query: { limit: 100 } } }),
      api.GET("/api/v1/workspaces/{workspaceId}/ingest/conflicts", { params: { path, query: { limit: 100 } } }),
    ]);
    setKeys(keyList?.data ? present(keyList.data) : []);
    setFailed(failedList.data ? present(failedList.data) : []);
    setConflicts(conflictList.data ? present(conflictList.data) : []);
  }

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace.id]);

  async function create(event: FormEvent) {
    event.preventDefault();
    const result = await api.POST("/api/v1/workspaces/{workspaceId}/write-keys", { params: { path }, body: { name } });
    if (result.error || !result.data) {
      setError(describe(result.error));
      return;
    }
    setError(null);
    setCreated({ name, key: result.data.writeKey });
    setName("");
    await load();
  }

  async function revoke(key: WriteKey) {
    if (!window.confirm(`Revoke "${key.name}"? Anything still sending with it gets 401 from now on.`)) return;
    const result = await api.DELETE("/api/v1/workspaces/{workspaceId}/write-keys/{keyId}", { params: { path: { ...path, keyId: key.id } } });
    setError(result.error ? describe(result.error) : null);
    await load();
  }

  async function replay(message: Failed, edited?: string) {
    let payload: unknown = undefined;
    if (edited !== undefined) {
      try {
        payload = JSON.parse(edited);
      } catch {
        setError("The edited message is not valid JSON.");
        return;
      }
    }
    const result = await api.POST("/api/v1/workspaces/{workspaceId}/ingest/failed/{failedId}/replay", { params: { path: { ...path, failedId: message.id } }, body: { payload } });
    if (result.error) {
      setError(describe(result.error));
      return;
    }
    setError(null);
    setEditing(null);
    setNotice(`Replayed: ${(result.data as { stored?: number } | undefined)?.stored ?? 0} stored.`);
    await load();
  }

  const origin = window.location.origin;
  const snippet = `<script type="module">
  // Send a journey event from your page (text/plain: no CORS preflight).
  const key = "${created?.key ?? "wmw_…"}";
  await fetch("${origin}/api/v1/ingest/batch", {
    method: "POST", headers: { "Content-Type": "text/plain" },
    body: JSON.stringify({ writeKey: key, sentAt: new Date().toISOString(), batch: [{
      type: "track", messageId: crypto.randomUUID(), anonymousId: localStorage.visitor ??= crypto.randomUUID(),
      event: "cart_added", properties: { channel: "web" }, timestamp: new Date().toISOString() }] }),
  });
</script>`;

  return (
    <main className="list-page tracking">
      <div className="list-head"><div><h1>Tracking</h1><p className="muted">Send events and survey answers from your sites and systems to {workspace.name}; open a map with Evidence on to watch them arrive.</p></div></div>
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}

      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">Write keys</h2>
        {owner ? (
          <>
            <form className="importer" onSubmit={create} aria-label="Create a write key">
              <label>Name<input value={name} onChange={(event) => setName(event.target.value)} placeholder="Web shop" required maxLength={200} /></label>
              <button type="submit" className="primary">Create key</button>
            </form>
            {created && (
              <div className="notice new-key" role="status">
                <p>The key for <strong>{created.name}</strong> is shown this once; store it where the sender can read it.</p>
                <code aria-label="New write key">{created.key}</code>{" "}
                <button type="button" onClick={() => void navigator.clipboard.writeText(created.key)}>Copy</button>{" "}
                <a href={`/demo/shop.html#key=${encodeURIComponent(created.key)}`} target="_blank" rel="noopener">Try it in the demo shop</a>
              </div>
            )}
            <table className="data">
              <thead><tr><th>Name</th><th>Key</th><th>Created</th><th>Last used</th><th>State</th><th /></tr></thead>
              <tbody>
                {keys.length === 0 && <tr><td colSpan={6} className="muted">No write keys yet.</td></tr>}
                {keys.map((key) => (
                  <tr key={key.id}>
                    <td>{key.name}</td>
                    <td><code>{key.hint}</code></td>
                    <td>{when(key.createdAt)}</td>
                    <td>{when(key.lastUsedAt)}</td>
                    <td>{key.revokedAt ? `revoked ${when(key.revokedAt)}` : "active"}</td>
                    <td>{!key.revokedAt && <button type="button" className="ghost danger" onClick={() => void revoke(key)}>Revoke</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : <p className="muted">Only owners create and revoke write keys.</p>}
      </section>

      <section aria-labelledby="send-heading">
        <h2 id="send-heading">Sending</h2>
        <p>
          <code>POST {origin}/api/v1/ingest/batch</code> takes the Segment HTTP tracking API's batch (track, identify, page, screen);
          Segment's server libraries can send to it (for analytics-node: <code>host: "{origin}", path: "/api/v1/ingest/batch"</code>).
          Survey answers go to <code>/api/v1/ingest/responses</code>. The key goes in HTTP Basic as the user name, or as <code>writeKey</code> in the body.
        </p>
        <pre className="snippet" aria-label="Example">{snippet}</pre>
      </section>

      <section aria-labelledby="failed-heading">
        <h2 id="failed-heading">Failed messages ({failed.length})</h2>
        <p className="muted">Messages the ingestion API rejected. They are kept here, not lost: fix the sender, or edit a message and replay it.</p>
        <table className="data failed">
          <thead><tr><th>Received</th><th>Reason</th><th>Message</th>{editor && <th />}</tr></thead>
          <tbody>
            {failed.length === 0 && <tr><td colSpan={4} className="muted">Nothing failed.</td></tr>}
            {failed.map((message) => (
              <tr key={message.id}>
                <td>{when(message.receivedAt)}</td>
                <td><code>{message.code}</code><br />{message.reason}</td>
                <td>
                  {editing?.id === message.id
                    ? <textarea aria-label="Edited message" rows={6} cols={60} value={editing.text} onChange={(event) => setEditing({ id: message.id, text: event.target.value })} />
                    : <pre className="payload">{message.payload.length > 600 ? `${message.payload.slice(0, 600)}…` : message.payload}</pre>}
                </td>
                {editor && (
                  <td>
                    {message.replayedAt ? `replayed ${when(message.replayedAt)}` : editing?.id === message.id ? (
                      <>
                        <button type="button" className="primary" onClick={() => void replay(message, editing.text)}>Replay edited</button>
                        <button type="button" className="ghost" onClick={() => setEditing(null)}>Cancel</button>
                      </>
                    ) : (
                      <>
                        <button type="button" onClick={() => void replay(message)}>Replay</button>
                        <button type="button" className="ghost" onClick={() => setEditing({ id: message.id, text: message.payload })}>Edit</button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="conflicts-heading">
        <h2 id="conflicts-heading">Message id conflicts ({conflicts.length})</h2>
        <p className="muted">Messages that reused a stored message id with a different payload. They are not counted; check the sender.</p>
        <table className="data">
          <thead><tr><th>Received</th><th>Message id</th><th>Message</th></tr></thead>
          <tbody>
            {conflicts.length === 0 && <tr><td colSpan={3} className="muted">No conflicts.</td></tr>}
            {conflicts.map((conflict) => (
              <tr key={conflict.id}><td>{when(conflict.receivedAt)}</td><td><code>{conflict.messageId}</code></td><td><pre className="payload">{conflict.payload}</pre></td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
