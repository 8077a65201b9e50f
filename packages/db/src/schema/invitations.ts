import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users, workspaces } from "./tenancy.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * An invitation to join a workspace with a role. The link carries a random token; only its
 * SHA-256 is stored (like sessions and API keys), so the table cannot be replayed. An
 * invitation is used once: `accepted_at` or `revoked_at` ends it, and so does `expires_at`.
 */
export const memberInvitations = pgTable(
  "member_invitations",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    /** Lower-cased, like `users.email`. */
    email: text("email").notNull(),
    role: text("role", { enum: ["owner", "admin", "member"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique("member_invitations_token_hash_key"),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // The members screen lists a workspace's pending invitations.
    index("member_invitations_pending_idx")
      .on(t.workspaceId, t.createdAt)
      .where(sql`accepted_at is null and revoked_at is null`),
    check("member_invitations_role_check", sql`${t.role} in ('owner', 'admin', 'member')`),
  ],
);
