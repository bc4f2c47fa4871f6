import { useEffect, useState } from "react";
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import { currentAntiforgeryToken, type Present, type Schemas } from "./client";

export type EvidenceReport = Present<Schemas["JourneyEvidenceReport"]>;

/** A push from the server: the journey's metrics over all customers and time, after new events arrived. */
export interface LiveMetrics {
  journeyId: string;
  eventCount: number;
  at: string;
  metrics: EvidenceReport;
}

export type LiveState = "connecting" | "live" | "offline";

/** Watches a journey on the live hub while `on`: every push of fresh metrics calls back. The connection
 * reconnects by itself; the state says whether pushes can arrive. */
export function useLiveMetrics(workspaceId: string, journeyId: string, on: boolean, onMetrics: (push: LiveMetrics) => void): LiveState {
  const [state, setState] = useState<LiveState>("offline");

  useEffect(() => {
    if (!on) {
      setState("offline");
      return;
    }
    const connection: HubConnection = new HubConnectionBuilder()
      // The negotiate request is a POST with the session cookie, so it carries the antiforgery token like any write.
      .withUrl("/hubs/live", { headers: { "X-XSRF-TOKEN": currentAntiforgeryToken() ?? "" } })
      .withAutomaticReconnect()
      .configureLogging(LogLevel.Warning)
      .build();
    let stopped = false;
    connection.on("metrics", (push: LiveMetrics) => {
      if (push.journeyId === journeyId) {
        onMetrics(push);
      }
    });
    const watch = async () => {
      const allowed = await connection.invoke<boolean>("WatchJourney", workspaceId, journeyId);
      setState(allowed ? "live" : "offline");
    };
    connection.onreconnecting(() => setState("connecting"));
    connection.onreconnected(() => void watch());
    connection.onclose(() => setState("offline"));
    setState("connecting");
    void connection.start().then(() => (stopped ? undefined : watch())).catch(() => setState("offline"));
    return () => {
      stopped = true;
      if (connection.state !== HubConnectionState.Disconnected) {
        void connection.stop();
      }
    };
    // onMetrics is read through the closure on purpose: a new callback each render must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [on, workspaceId, journeyId]);

  return state;
}

/** Calls back for each notification an alert rule fires in the workspace, while the page is open. */
export function useWorkspaceNotifications(workspaceId: string, onNotification: () => void): void {
  useEffect(() => {
    const connection = new HubConnectionBuilder()
      .withUrl("/hubs/live", { headers: { "X-XSRF-TOKEN": currentAntiforgeryToken() ?? "" } })
      .withAutomaticReconnect()
      .configureLogging(LogLevel.Warning)
      .build();
    connection.on("notification", () => onNotification());
    const watch = () => connection.invoke<boolean>("WatchWorkspace", workspaceId);
    connection.onreconnected(() => void watch());
    void connection.start().then(watch).catch(() => undefined);
    return () => {
      void connection.stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspaceId]);
}
