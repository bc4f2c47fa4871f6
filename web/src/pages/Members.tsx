import { useEffect, useState, type FormEvent } from "react";
import { api, describe, present, type Schemas, type Workspace } from "../api/client";

type Member = Schemas["Member"];
const roles = ["viewer", "editor", "owner"] as const;

/** Who belongs to the workspace and with which role; owners invite, change roles and remove. */
export function Members({ workspace }: { workspace: Workspace }) {
  const [members, setMembers] = useState<Member[]>([]);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<(typeof roles)[number]>("editor");
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const owner = workspace.role === "owner";
  const path = { workspaceId: workspace.id };

  async function load() {
    const result = await api.GET("/api/v1/workspaces/{workspaceId}/members", { params: { path } });
    setMembers(result.data ? present(result.data) : []);
  }

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace.id]);

  async function invite(event: FormEvent) {
    event.preventDefault();
    const result = await api.POST("/api/v1/workspaces/{workspaceId}/members", { params: { path }, body: { email, role } });
    if (result.error) {
      setError(describe(result.error));
      return;
    }
    setError(null);
    setMessage(result.response.status === 202 ? `${email} has no account yet: they join as ${role} when they sign up.` : `${email} is now a member.`);
    setEmail("");
    await load();
  }

  async function change(member: Member, next: string) {
    const result = await api.PUT("/api/v1/workspaces/{workspaceId}/members/{userId}", { params: { path: { ...path, userId: member.userId } }, body: { role: next as Member["role"] } });
    setError(result.error ? describe(result.error) : null);
    await load();
  }

  async function remove(member: Member) {
    if (!window.confirm(`Remove ${member.displayName} from ${workspace.name}?`)) return;
    const result = await api.DELETE("/api/v1/workspaces/{workspaceId}/members/{userId}", { params: { path: { ...path, userId: member.userId } } });
    setError(result.error ? describe(result.error) : null);
    await load();
  }

  return (
    <main className="list-page">
      <div className="list-head"><div><h1>Members</h1><p className="muted">{workspace.name}</p></div></div>
      {owner && (
        <form className="importer" onSubmit={invite} aria-label="Invite a member">
          <label>Email<input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required /></label>
          <label>Role<select value={role} onChange={(e) => setRole(e.target.value as (typeof roles)[number])}>{roles.map((r) => <option key={r}>{r}</option>)}</select></label>
          <button type="submit" className="primary">Invite</button>
        </form>
      )}
      {message && <p className="notice" role="status">{message}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <table className="data members">
        <thead><tr><th>Name</th><th>Email</th><th>Role</th>{owner && <th />}</tr></thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <td>{member.displayName}</td>
              <td>{member.email}</td>
              <td>
                {owner ? (
                  <select aria-label={`Role of ${member.displayName}`} value={member.role} onChange={(e) => void change(member, e.target.value)}>
                    {roles.map((r) => <option key={r}>{r}</option>)}
                  </select>
                ) : member.role}
              </td>
              {owner && <td><button type="button" className="ghost danger" onClick={() => void remove(member)}>Remove</button></td>}
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
