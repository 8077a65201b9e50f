import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { FullPageMessage } from "../ui/FullPageMessage.tsx";
import { useSession } from "./SessionProvider.tsx";

/** Where the sign-in page sends the user back to, passed in the router's location state. */
export interface ReturnTo {
  from?: string;
}

/** Renders `children` only for a signed-in user; everyone else goes to the sign-in page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, retry } = useSession();
  const location = useLocation();

  switch (state.status) {
    case "loading":
      return <FullPageMessage busy title="Loading Voronka…" />;
    case "error":
      return (
        <FullPageMessage
          title="Voronka isn't answering"
          body={errorMessage(state.error)}
          action={{ label: "Try again", onClick: retry }}
        />
      );
    case "signed-out": {
      const returnTo: ReturnTo = { from: location.pathname + location.search + location.hash };
      return <Navigate to="/sign-in" replace state={returnTo} />;
    }
    case "signed-in":
      return children;
  }
}
