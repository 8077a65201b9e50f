import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "./tenancy.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const LEAD_CHANNELS = [
  "web_form",
  "telegram",
  "whatsapp",
  "viber",
  "call_tracking",
  "chat",
  "api",
] as const;
export type LeadChannel = (typeof LEAD_CHANNELS)[number];

/**
 * A configured way leads arrive: a web form, a Telegram bot, a WhatsApp number, a call-tracking
 * account. `public_id` is the unguessable id in its public URL; `secret` verifies signatures
 * (WhatsApp app secret, call-tracking shared secret) and is needed in clear to compute HMACs.
 */
export const leadSources = pgTable(
  "lead_sources",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    publicId: text("public_id").notNull(),
    channel: text("channel", { enum: LEAD_CHANNELS }).notNull(),
    name: text("name").notNull(),
    funnelId: uuid("funnel_id"),
    stageId: uuid("stage_id"),
    secret: text("secret"),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("lead_sources_public_id_key").on(t.publicId),
    check(
      "lead_sources_channel_check",
      sql`${t.channel} in ('web_form', 'telegram', 'whatsapp', 'viber', 'call_tracking', 'chat', 'api')`,
    ),
  ],
);

/** One captured lead. `dedupe_key` (the provider's message/call id) makes re-delivery a no-op. */
export const leads = pgTable(
  "leads",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    sourceId: uuid("source_id"),
    channel: text("channel", { enum: LEAD_CHANNELS }).notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    contactId: uuid("contact_id").notNull(),
    utm: jsonb("utm").$type<Record<string, string>>().notNull().default({}),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("leads_dedupe_key").on(t.workspaceId, t.channel, t.dedupeKey),
    index("leads_contact_idx").on(t.workspaceId, t.contactId),
    index("leads_created_idx").on(t.workspaceId, t.createdAt),
  ],
);

/** A CSV import: its progress, counts and the rejected rows with reasons. */
export const contactImports = pgTable(
  "contact_imports",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    status: text("status", { enum: ["pending", "running", "done", "failed"] })
      .notNull()
      .default("pending"),
    fileName: text("file_name").notNull(),
    mapping: jsonb("mapping").$type<Record<string, string>>().notNull().default({}),
    totalRows: integer("total_rows"),
    processedRows: integer("processed_rows").notNull().default(0),
    inserted: integer("inserted").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    /** Rows that collapsed into another row of the same file (same email, phone or user id). */
    duplicates: integer("duplicates").notNull().default(0),
    /** Up to 1000 rejected rows: `{ row, reason }`. */
    report: jsonb("report").$type<Array<{ row: number; reason: string }>>().notNull().default([]),
    error: text("error"),
    createdAt: ts("created_at").notNull().defaultNow(),
    finishedAt: ts("finished_at"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** The uploaded CSV of an import, kept until the import is done. */
export const contactImportFiles = pgTable(
  "contact_import_files",
  {
    workspaceId: uuid("workspace_id").notNull(),
    importId: uuid("import_id").notNull(),
    content: text("content").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.importId] })],
);
