import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "./tenancy.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Consent of a contact per channel: absent means "never asked". */
export type ConsentState = "subscribed" | "unsubscribed";
export type Consent = Partial<Record<string, ConsentState>>;

/**
 * What the contacts list searches (`q`): names, email and phone in one string. Indexed with
 * pg_trgm (`contacts_search_idx`); a query must use this exact expression to use the index.
 */
export const CONTACT_SEARCH_TEXT = sql.raw(
  "coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')",
);

/**
 * A person. First-class columns hold what a CRM card shows; everything else a source sends
 * is kept in `traits`. A contact merged into another keeps a row with `merged_into` set, so
 * old ids still resolve.
 */
export const contacts = pgTable(
  "contacts",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    userId: text("user_id"),
    email: text("email"),
    phone: text("phone"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    name: text("name"),
    gender: text("gender"),
    birthday: date("birthday", { mode: "string" }),
    city: text("city"),
    country: text("country"),
    timeZone: text("time_zone"),
    preferredChannel: text("preferred_channel"),
    /** Messenger handles: `{ telegram: chatId, whatsapp: waId, viber: userId }`. */
    handles: jsonb("handles").$type<Record<string, string>>().notNull().default({}),
    consent: jsonb("consent").$type<Consent>().notNull().default({}),
    traits: jsonb("traits").$type<Record<string, unknown>>().notNull().default({}),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    lifetimeRevenue: numeric("lifetime_revenue", { precision: 14, scale: 2 })
      .notNull()
      .default("0"),
    orderCount: integer("order_count").notNull().default(0),
    /** The lead channel that first brought this contact (`web_form`, `telegram`, `api`…). */
    source: text("source"),
    firstSeenAt: ts("first_seen_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    mergedInto: uuid("merged_into"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("contacts_email_idx").on(t.workspaceId, t.email),
    index("contacts_last_seen_idx").on(t.workspaceId, t.lastSeenAt, t.id),
    // Filters of the contacts list (GET /api/contacts). Search is a trigram index over the
    // text a user types to find someone; the expression must match CONTACT_SEARCH_TEXT.
    index("contacts_search_idx").using("gin", sql`(${CONTACT_SEARCH_TEXT}) gin_trgm_ops`),
    index("contacts_tags_idx").using("gin", t.tags),
    index("contacts_consent_idx").using("gin", sql`${t.consent} jsonb_path_ops`),
    index("contacts_source_idx").on(t.workspaceId, t.source, t.lastSeenAt, t.id),
  ],
);

/**
 * How a contact is recognised: `user_id`, `anonymous_id`, `email`, `phone`, `telegram`,
 * `whatsapp`, `viber`. Each (kind, value) belongs to exactly one live contact; merging moves
 * identities to the surviving contact.
 */
export const contactIdentities = pgTable(
  "contact_identities",
  {
    workspaceId: uuid("workspace_id").notNull(),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    contactId: uuid("contact_id").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.kind, t.value] }),
    index("contact_identities_contact_idx").on(t.workspaceId, t.contactId),
    check(
      "contact_identities_kind_check",
      sql`${t.kind} in ('user_id', 'anonymous_id', 'email', 'phone', 'telegram', 'whatsapp', 'viber')`,
    ),
  ],
);

/**
 * Everything contacts did, Segment-style. `message_id` makes re-delivery a no-op.
 * `timestamp` is the corrected event time (clock skew removed using `sentAt`).
 */
export const events = pgTable(
  "events",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    messageId: text("message_id").notNull(),
    type: text("type").notNull(),
    name: text("name"),
    contactId: uuid("contact_id").notNull(),
    userId: text("user_id"),
    anonymousId: text("anonymous_id"),
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    context: jsonb("context").$type<Record<string, unknown>>().notNull().default({}),
    timestamp: ts("timestamp").notNull(),
    receivedAt: ts("received_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("events_message_id_key").on(t.workspaceId, t.messageId),
    index("events_contact_time_idx").on(t.workspaceId, t.contactId, t.timestamp),
    index("events_name_time_idx").on(t.workspaceId, t.name, t.timestamp),
    check(
      "events_type_check",
      sql`${t.type} in ('track', 'identify', 'page', 'screen', 'group', 'alias')`,
    ),
  ],
);
