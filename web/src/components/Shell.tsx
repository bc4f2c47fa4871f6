import { useEffect, useState, type ReactNode } from "react";
import { useWorkspaceNotifications } from "../api/live";
import { api, type User, type Workspace } from "../api/client";
import { navigate, useLocation } from "../router";
import { Link } from "./Link";

/** The frame around every page: brand, workspace switcher, sections, the signed-in user. */
export function Shell({ user, workspaces, workspace, onSignedOut, children }: {
  user: User;
  workspaces: Workspace[];
  workspace: Workspace;
  onSignedOut: () => void;
  children: ReactNode;
}) {
  const section = useLocation().split("?")[0]!.split("/")[3] ?? "journeys";
  const [unread, setUnread] = useState(0);

  async function countUnread() {
    const result = await api.GET("/api/v1/workspaces/{workspaceId}/notifications", { params: { path: { workspaceId: workspace.id }, query: { limit: 100 } } });
    setUnread((result.data ?? []).filter((notification) => !notification.readAt).length);
  }

  useEffect(() => {
    void countUnread();
    const timer = window.setInterval(() => void countUnread(), 30_000);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace.id, section]);
  useWorkspaceNotifications(workspace.id, () => void countUnread());

  async function signOut() {
    await api.POST("/api/v1/auth/sign-out");
    onSignedOut();
  }

  return (
    <div className="shell">
      <header className="topbar">
        <Link href={`/w/${workspace.id}`} className="brand" aria-label="Waymark — journeys">
          <img src="/favicon.svg" alt="" width={26} height={26} />
          <span>Waymark</span>
        </Link>
        <label className="workspace-switcher">
          <span className="visually-hidden">Workspace</span>
          <select value={workspace.id} onChange={(event) => navigate(`/w/${event.target.value}`)}>
            {workspaces.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <nav aria-label="Sections" className="sections">
          <Link href={`/w/${workspace.id}`} aria-current={section === "journeys" || section === "" ? "page" : undefined}>Journeys</Link>
          <Link href={`/w/${workspace.id}/personas`} aria-current={section === "personas" ? "page" : undefined}>Personas</Link>
          <Link href={`/w/${workspace.id}/segments`} aria-current={section === "segments" ? "page" : undefined}>Segments</Link>
          <Link href={`/w/${workspace.id}/analytics`} aria-current={section === "analytics" ? "page" : undefined}>Analytics</Link>
          <Link href={`/w/${workspace.id}/alerts`} aria-current={section === "alerts" ? "page" : undefined}>
            Alerts{unread > 0 && <span className="badge" aria-label={`${unread} unread notifications`}>{unread}</span>}
          </Link>
          <Link href={`/w/${workspace.id}/tracking`} aria-current={section === "tracking" ? "page" : undefined}>Tracking</Link>
          <Link href={`/w/${workspace.id}/members`} aria-current={section === "members" ? "page" : undefined}>Members</Link>
        </nav>
        <div className="spacer" />
        <span className="role-badge" title="Your role in this workspace">{workspace.role}</span>
        <span className="user" title={user.email}>{user.displayName}</span>
        <button type="button" className="ghost" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <div className="page">{children}</div>
    </div>
  );
}
