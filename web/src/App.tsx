import { useEffect, useState } from "react";
import { api, present, setAntiforgeryToken, type User, type Workspace } from "./api/client";
import { Shell } from "./components/Shell";
import { JourneyMap } from "./pages/JourneyMap";
import { JourneyList } from "./pages/JourneyList";
import { Analytics } from "./pages/Analytics";
import { Members } from "./pages/Members";
import { Personas } from "./pages/Personas";
import { Segments } from "./pages/Segments";
import { Tracking } from "./pages/Tracking";
import { Alerts } from "./pages/Alerts";
import { OpportunityMatrix } from "./pages/OpportunityMatrix";
import { SignIn } from "./pages/SignIn";
import { match, navigate, useLocation } from "./router";

type Session = { state: "loading" } | { state: "signed-out" } | { state: "signed-in"; user: User; workspaces: Workspace[] };

export function App() {
  const location = useLocation();
  const [session, setSession] = useState<Session>({ state: "loading" });

  async function load() {
    const me = await api.GET("/api/v1/auth/me");
    if (!me.data) {
      setSession({ state: "signed-out" });
      return;
    }
    setAntiforgeryToken(me.data.antiforgeryToken);
    const workspaces = await api.GET("/api/v1/workspaces");
    setSession({ state: "signed-in", user: present(me.data), workspaces: present(workspaces.data ?? []) });
  }

  useEffect(() => {
    void load();
  }, []);

  if (session.state === "loading") {
    return <div className="splash" aria-busy="true">Waymark</div>;
  }

  if (session.state === "signed-out") {
    return <SignIn onSignedIn={() => void load()} />;
  }

  const path = location.split("?")[0]!;
  const inWorkspace = match("/w/:workspaceId", path) ?? match("/w/:workspaceId/*", path);
  const workspaceId = inWorkspace?.workspaceId ?? path.split("/")[2];
  const workspace = session.workspaces.find((candidate) => candidate.id === workspaceId);
  if (!workspace) {
    const first = session.workspaces[0];
    if (first) {
      queueMicrotask(() => navigate(`/w/${first.id}`, true));
    }
    return <div className="splash">{first ? "Opening your workspace…" : "You are not a member of any workspace yet."}</div>;
  }

  const journey = match("/w/:workspaceId/journeys/:journeyId", path);
  const matrix = match("/w/:workspaceId/journeys/:journeyId/opportunities", path);
  return (
    <Shell user={session.user} workspaces={session.workspaces} workspace={workspace} onSignedOut={() => setSession({ state: "signed-out" })}>
      {matrix ? (
        <OpportunityMatrix key={matrix.journeyId} workspace={workspace} journeyId={matrix.journeyId!} />
      ) : journey ? (
        <JourneyMap key={journey.journeyId} workspace={workspace} journeyId={journey.journeyId!} />
      ) : match("/w/:workspaceId/analytics", path) ? (
        <Analytics workspace={workspace} />
      ) : match("/w/:workspaceId/personas", path) ? (
        <Personas workspace={workspace} />
      ) : match("/w/:workspaceId/segments", path) ? (
        <Segments workspace={workspace} />
      ) : match("/w/:workspaceId/alerts", path) ? (
        <Alerts workspace={workspace} />
      ) : match("/w/:workspaceId/tracking", path) ? (
        <Tracking workspace={workspace} />
      ) : match("/w/:workspaceId/members", path) ? (
        <Members workspace={workspace} />
      ) : (
        <JourneyList workspace={workspace} />
      )}
    </Shell>
  );
}
