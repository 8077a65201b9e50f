import { createRoute } from "@hono/zod-openapi";
import { SendingRules, SendingRulesState } from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  type Db,
  getSendingRules,
  memberRole,
  saveSendingRules,
  type WorkspaceSendingRules,
} from "@voronka/db";
import type { Auth } from "../env.ts";
import { requireAuth } from "../middleware/auth.ts";
import { authErrors, badRequest, json, router, secured } from "../openapi.ts";

const toState = (r: WorkspaceSendingRules): SendingRulesState => ({
  quietHours: r.quietHours,
  frequencyCap: r.frequencyCap,
  updatedAt: r.updatedAt?.toISOString() ?? null,
});

const base = {
  path: "/api/workspace/sending-rules",
  tags: ["Workspace"],
  middleware: [requireAuth],
  security: secured,
};

const read = createRoute({
  ...base,
  method: "get",
  summary: "The workspace's default sending rules",
  description:
    "Quiet hours and the per-contact frequency cap that journeys get when they don't set their own. `null`: the rule is off.",
  responses: { 200: json(SendingRulesState, "The rules."), ...authErrors },
});

const write = createRoute({
  ...base,
  method: "put",
  summary: "Replace the workspace's default sending rules",
  description:
    "Applied when a journey is published: a journey version gets the workspace's quiet hours and frequency cap where its own settings have none, and keeps them (versions never change). Journeys already published keep their rules until published again. Owners and admins may change the rules (a member's session gets 403); a secret key may too.",
  request: { body: { ...json(SendingRules, "Both rules; `null` turns one off."), required: true } },
  responses: { 200: json(SendingRulesState, "The saved rules."), ...badRequest, ...authErrors },
});

/** Owners and admins manage the workspace's rules; a secret key stands for the workspace. */
async function requireManager(db: Db, auth: Auth): Promise<void> {
  if (auth.via !== "session") return;
  const role = await memberRole(db, auth.workspaceId, auth.userId);
  if (role !== "owner" && role !== "admin") {
    throw new AppError("forbidden", "Only the workspace's owners and admins can change this.");
  }
}

export const sendingRulesRoutes = router()
  .openapi(read, async (c) => {
    const rules = await getSendingRules(c.get("deps").db, c.get("auth").workspaceId);
    return c.json(toState(rules), 200);
  })
  .openapi(write, async (c) => {
    const { db } = c.get("deps");
    const auth = c.get("auth");
    await requireManager(db, auth);
    const saved = await saveSendingRules(db, auth.workspaceId, c.req.valid("json"));
    return c.json(toState(saved), 200);
  });
