import type { LoginBody, Me } from "@voronka/contract";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { ApiError, onUnauthenticated } from "../api/client.ts";
import { api } from "../api/endpoints.ts";

export type SessionState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; me: Me }
  | { status: "error"; error: unknown };

interface Session {
  state: SessionState;
  signIn(body: LoginBody): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<Session | null>(null);

/** Knows who is signed in: asks `GET /api/auth/me` on load, and updates on sign-in/out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const check = useCallback(() => {
    setState({ status: "loading" });
    api.me().then(
      (me) => setState({ status: "signed-in", me }),
      (error: unknown) =>
        setState(
          error instanceof ApiError && error.status === 401
            ? { status: "signed-out" }
            : { status: "error", error },
        ),
    );
  }, []);

  useEffect(check, [check]);
  useEffect(() => onUnauthenticated(() => setState({ status: "signed-out" })), []);

  const signIn = useCallback(async (body: LoginBody) => {
    const me = await api.login(body);
    setState({ status: "signed-in", me });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setState({ status: "signed-out" });
    }
  }, []);

  return (
    <SessionContext.Provider value={{ state, signIn, signOut, retry: check }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession must be used inside <SessionProvider>");
  return session;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useMe needs a signed-in session");
  return state.me;
}
