import type { Logger } from "@voronka/core";
import type { Db } from "@voronka/db";

/** Who is calling: a signed-in user (browser session) or a secret API key. */
export type Auth =
  | { via: "session"; workspaceId: string; userId: string }
  | { via: "api_key"; workspaceId: string; apiKeyId: string };

export interface ServerDeps {
  db: Db;
  log: Logger;
  /** Directory of the built web app; served with an SPA fallback when it exists. */
  webDist?: string | undefined;
  cookieSecure?: boolean;
  version: string;
}

/** Hono's environment for every route. */
export interface AppEnv {
  Variables: {
    requestId: string;
    deps: ServerDeps;
    auth: Auth;
  };
}
