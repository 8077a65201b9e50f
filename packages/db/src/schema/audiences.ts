import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "./tenancy.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Where an audience's members come from. */
export const AUDIENCE_KINDS = ["manual", "stage", "journey"] as const;
/** Why a contact joined or left an audience. */
export const AUDIENCE_CAUSES = ["stage", "journey", "user", "api"] as const;
/** Ad platforms an audience can be synced to. */
export const AD_PLATFORMS = ["meta", "google", "vk", "yandex"] as const;

/**
 * A set of contacts an ad platform should show ads to. `kind = 'stage'` audiences belong to one
 * funnel stage (`stage_id`) and are kept by stage moves; others are filled by hand, through
 * the API or by journeys' "ad audience" steps.
 */
export const audiences = pgTable(
  "audiences",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind", { enum: AUDIENCE_KINDS }).notNull().default("manual"),
    funnelId: uuid("funnel_id"),
    stageId: uuid("stage_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
    archivedAt: ts("archived_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("audiences_stage_key")
      .on(t.workspaceId, t.stageId)
      .where(sql`stage_id is not null and archived_at is null`),
    check("audiences_kind_check", sql`${t.kind} in ('manual', 'stage', 'journey')`),
  ],
);

/** A funnel whose every stage has its own audience, swapped on each stage move. */
export const funnelAudienceSettings = pgTable(
  "funnel_audience_settings",
  {
    workspaceId: uuid("workspace_id").notNull(),
    funnelId: uuid("funnel_id").notNull(),
    perStage: boolean("per_stage").notNull().default(false),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.funnelId] })],
);

/** Who is in an audience now. */
export const audienceMembers = pgTable(
  "audience_members",
  {
    workspaceId: uuid("workspace_id").notNull(),
    audienceId: uuid("audience_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    addedAt: ts("added_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.audienceId, t.contactId] }),
    index("audience_members_contact_idx").on(t.workspaceId, t.contactId),
  ],
);

/**
 * Every join and leave, never updated: the history shown to users and the log a platform
 * sync reads from its cursor on (`id` increases with time).
 */
export const audienceChanges = pgTable(
  "audience_changes",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    audienceId: uuid("audience_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    action: text("action", { enum: ["add", "remove"] }).notNull(),
    cause: text("cause", { enum: AUDIENCE_CAUSES }).notNull(),
    /** Stage move id, journey id, user id or API key id behind the change. */
    causeRef: text("cause_ref"),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("audience_changes_audience_idx").on(t.workspaceId, t.audienceId, t.id),
    check("audience_changes_action_check", sql`${t.action} in ('add', 'remove')`),
    check("audience_changes_cause_check", sql`${t.cause} in ('stage', 'journey', 'user', 'api')`),
  ],
);

/**
 * A workspace's account on an ad platform: base URL (overridable, e.g. for a proxy or a test
 * server), account id and credentials encrypted with a key derived from VORONKA_SECRET.
 */
export const adAccounts = pgTable(
  "ad_accounts",
  {
    workspaceId: uuid("workspace_id").notNull(),
    platform: text("platform", { enum: AD_PLATFORMS }).notNull(),
    baseUrl: text("base_url").notNull(),
    accountId: text("account_id"),
    credentialsEncrypted: text("credentials_encrypted").notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.platform] }),
    check("ad_accounts_platform_check", sql`${t.platform} in ('meta', 'google', 'vk', 'yandex')`),
  ],
);

/**
 * An audience's copy on one platform (`external_id`: Meta custom audience id, Google user
 * list id, VK users list id, Yandex segment id), the sync cursor into `audience_changes`
 * and the status of the last or running sync.
 */
export const audienceDestinations = pgTable(
  "audience_destinations",
  {
    workspaceId: uuid("workspace_id").notNull(),
    audienceId: uuid("audience_id").notNull(),
    platform: text("platform", { enum: AD_PLATFORMS }).notNull(),
    externalId: text("external_id").notNull(),
    /** Last `audience_changes.id` the platform has been sent. */
    cursor: bigint("cursor", { mode: "number" }).notNull().default(0),
    status: text("status", { enum: ["idle", "running", "ok", "failed"] })
      .notNull()
      .default("idle"),
    startedAt: ts("started_at"),
    lastSyncAt: ts("last_sync_at"),
    lastAdded: integer("last_added").notNull().default(0),
    lastRemoved: integer("last_removed").notNull().default(0),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total").notNull().default(0),
    lastError: text("last_error"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.audienceId, t.platform] }),
    check(
      "audience_destinations_platform_check",
      sql`${t.platform} in ('meta', 'google', 'vk', 'yandex')`,
    ),
  ],
);
