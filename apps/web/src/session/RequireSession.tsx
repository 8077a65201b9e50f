import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { shellStrings as s } from "../shell/strings.ts";
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
      return <FullPageMessage busy title={s.loadingApp} />;
    case "error":
      return (
        <FullPageMessage
          title={s.notAnswering}
          body={errorMessage(state.error)}
          action={{ label: s.tryAgain, onClick: retry }}
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
