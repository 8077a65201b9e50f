import { createRoute } from "@hono/zod-openapi";
import { LoginBody, Me } from "@voronka/contract";
import { AppError, DUMMY_PASSWORD_HASH, verifyPassword } from "@voronka/core";
import {
  createSession,
  type Db,
  deleteSession,
  findUserByEmail,
  findUserById,
  listUserWorkspaces,
  SESSION_TTL_MS,
} from "@voronka/db";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { requireAuth, SESSION_COOKIE } from "../middleware/auth.ts";
import { authErrors, badRequest, json, router } from "../openapi.ts";

const login = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags: ["Auth"],
  summary: "Sign in",
  description: "Checks email and password and sets an HttpOnly session cookie.",
  request: { body: { ...json(LoginBody, "Email and password."), required: true } },
  responses: {
    200: json(Me, "Signed in."),
    ...badRequest,
    401: authErrors[401],
  },
});

const logout = createRoute({
  method: "post",
  path: "/api/auth/logout",
  tags: ["Auth"],
  summary: "Sign out",
  description: "Ends the current session and clears its cookie. Always succeeds.",
  responses: { 204: { description: "Signed out." } },
});

const me = createRoute({
  method: "get",
  path: "/api/auth/me",
  tags: ["Auth"],
  summary: "The signed-in user",
  description: "The user of the session cookie and their workspaces. API keys have no user: 401.",
  middleware: [requireAuth] as const,
  security: [{ session: [] }],
  responses: { 200: json(Me, "The current user."), ...authErrors },
});

async function loadMe(db: Db, userId: string, workspaceId: string): Promise<Me> {
  const user = await findUserById(db, userId);
  const workspaces = await listUserWorkspaces(db, userId);
  const workspace = workspaces.find((w) => w.id === workspaceId);
  if (!user || !workspace)
    throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  return { user: { id: user.id, email: user.email, name: user.name }, workspace, workspaces };
}

export const authRoutes = router()
  .openapi(login, async (c) => {
    const { db, cookieSecure } = c.get("deps");
    const body = c.req.valid("json");
    const user = await findUserByEmail(db, body.email);
    const valid = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    const workspaces = user && valid ? await listUserWorkspaces(db, user.id) : [];
    const first = workspaces[0];
    if (!user || !valid || !first) {
      throw new AppError("invalid_credentials", "That email and password don't match.");
    }
    const session = await createSession(db, { userId: user.id, workspaceId: first.id });
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: "Lax",
      secure: cookieSecure ?? false,
      path: "/",
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    return c.json(await loadMe(db, user.id, first.id), 200);
  })
  .openapi(logout, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(c.get("deps").db, token);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  })
  .openapi(me, async (c) => {
    const auth = c.get("auth");
    if (auth.via !== "session") {
      throw new AppError(
        "unauthenticated",
        "API keys have no user; this endpoint needs a signed-in session.",
      );
    }
    return c.json(await loadMe(c.get("deps").db, auth.userId, auth.workspaceId), 200);
  });
