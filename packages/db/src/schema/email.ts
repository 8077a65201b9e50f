import { sql } from "drizzle-orm";
import {
  bigint,
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

/** An email template; its content lives in immutable `email_template_versions`. */
export const emailTemplates = pgTable(
  "email_templates",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    /**
     * A stable name to refer to the template by (journey files say `"templateId": "welcome"`);
     * unique in the workspace.
     */
    slug: text("slug"),
    /** The subscription group the template's emails belong to (`email_topics`); null: none. */
    topicId: uuid("topic_id"),
    /** The newest version; every save adds one. */
    currentVersion: integer("current_version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("email_templates_slug_idx").on(t.workspaceId, t.slug).where(sql`slug is not null`),
  ],
);

/**
 * Reusable MJML blocks (a header, a footer) that templates pull in with
 * `<mj-include path="footer" />`. Every save adds a version and none is changed afterwards:
 * a send uses the versions current when its journey was published, like the template itself.
 */
export const emailPartialVersions = pgTable(
  "email_partial_versions",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    version: integer("version").notNull(),
    mjml: text("mjml").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.name, t.version] })],
);

/** Subscription groups of a workspace ("News", "Offers"): a person can leave one, or all. */
export const emailTopics = pgTable(
  "email_topics",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** A contact who left one topic (leaving all is `consent.email = unsubscribed`). */
export const emailTopicOptouts = pgTable(
  "email_topic_optouts",
  {
    workspaceId: uuid("workspace_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    topicId: uuid("topic_id").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.contactId, t.topicId] })],
);

/**
 * One saved state of a template. Never updated: a journey version sends the template version
 * that was current when the journey was published.
 */
export const emailTemplateVersions = pgTable(
  "email_template_versions",
  {
    workspaceId: uuid("workspace_id").notNull(),
    templateId: uuid("template_id").notNull(),
    version: integer("version").notNull(),
    subject: text("subject").notNull(),
    preheader: text("preheader").notNull().default(""),
    mjml: text("mjml").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.templateId, t.version] })],
);

/** Sender identity, SMTP server and DKIM key of a workspace (one row per workspace). */
export const emailSettings = pgTable("email_settings", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  fromName: text("from_name").notNull().default("Voronka"),
  fromAddress: text("from_address").notNull().default("no-reply@localhost"),
  /** The workspace's own SMTP server; null falls back to `SMTP_URL`, then the dev mailbox. */
  smtpUrl: text("smtp_url"),
  dkimDomain: text("dkim_domain"),
  dkimSelector: text("dkim_selector"),
  /** PKCS#8 PEM. Never returned by the API. */
  dkimPrivateKey: text("dkim_private_key"),
  /** Base64 SPKI: the `p=` of the DNS record. */
  dkimPublicKey: text("dkim_public_key"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** Addresses never to email again (hard bounce, complaint, manual). Stored lower-cased. */
export const emailSuppressions = pgTable(
  "email_suppressions",
  {
    workspaceId: uuid("workspace_id").notNull(),
    email: text("email").notNull(),
    reason: text("reason").notNull(),
    detail: text("detail"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.email] }),
    check("email_suppressions_reason_check", sql`${t.reason} in ('bounce', 'complaint', 'manual')`),
  ],
);

export const EMAIL_DELIVERY_STATUSES = [
  "sent",
  "skipped",
  "bounced",
  "retrying",
  "failed",
] as const;

/**
 * What the dispatcher did with one send effect of `journey_effects` (same key): the
 * Message-ID, the template version sent, and for temporary failures when to try again.
 */
export const emailDeliveries = pgTable(
  "email_deliveries",
  {
    workspaceId: uuid("workspace_id").notNull(),
    effectKey: text("effect_key").notNull(),
    contactId: uuid("contact_id").notNull(),
    status: text("status", { enum: EMAIL_DELIVERY_STATUSES }).notNull(),
    messageId: text("message_id"),
    toAddress: text("to_address"),
    templateId: uuid("template_id"),
    templateVersion: integer("template_version"),
    /** `smtp` or `mailbox`. */
    via: text("via"),
    attempts: integer("attempts").notNull().default(0),
    retryAt: ts("retry_at"),
    detail: text("detail"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.effectKey] }),
    index("email_deliveries_retry_idx").on(t.retryAt).where(sql`retry_at is not null`),
    check(
      "email_deliveries_status_check",
      sql`${t.status} in ('sent', 'skipped', 'bounced', 'retrying', 'failed')`,
    ),
  ],
);

/** The built-in dev mailbox: with no SMTP configured, sent emails are stored here, raw. */
export const emailDevMailbox = pgTable(
  "email_dev_mailbox",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    messageId: text("message_id").notNull(),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    raw: text("raw").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("email_dev_mailbox_message_idx").on(t.workspaceId, t.messageId),
  ],
);
