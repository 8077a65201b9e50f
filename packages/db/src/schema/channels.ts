import { sql } from "drizzle-orm";
import {
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

/**
 * Credentials of the messenger / SMS providers and the webhook signing secret of a workspace.
 * Columns ending in `_enc` hold `encryptSecret` output (AES-256-GCM, key derived from
 * VORONKA_SECRET); the API never returns them. Each provider has an overridable base URL
 * (a proxy, a regional endpoint, or a local fake in tests); null means the provider's own.
 */
export const channelSettings = pgTable("channel_settings", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  telegramTokenEnc: text("telegram_token_enc"),
  telegramBaseUrl: text("telegram_base_url"),
  whatsappPhoneNumberId: text("whatsapp_phone_number_id"),
  whatsappTokenEnc: text("whatsapp_token_enc"),
  /** Language code of the approved WhatsApp templates (`en`, `ru`…). */
  whatsappLanguage: text("whatsapp_language").notNull().default("en"),
  whatsappBaseUrl: text("whatsapp_base_url"),
  viberTokenEnc: text("viber_token_enc"),
  /** The sender name Viber shows above bot messages. */
  viberSenderName: text("viber_sender_name"),
  viberBaseUrl: text("viber_base_url"),
  smsAccountSid: text("sms_account_sid"),
  smsAuthTokenEnc: text("sms_auth_token_enc"),
  smsFrom: text("sms_from"),
  smsBaseUrl: text("sms_base_url"),
  /** HMAC key of outgoing webhooks (`Voronka-Signature`); encrypted like the tokens. */
  webhookSecretEnc: text("webhook_secret_enc"),
  /** Lets webhooks reach loopback/private/link-local addresses (off: SSRF protection). */
  allowPrivateWebhooks: boolean("allow_private_webhooks").notNull().default(false),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const CHANNEL_DELIVERY_STATUSES = ["sent", "skipped", "retrying", "failed"] as const;

/**
 * Delivery state of messenger, SMS, webhook and notify effects, beside the engine's outbox row
 * (`journey_effects`, same key): attempts, when to retry, and what the other side answered.
 */
export const channelDeliveries = pgTable(
  "channel_deliveries",
  {
    workspaceId: uuid("workspace_id").notNull(),
    effectKey: text("effect_key").notNull(),
    contactId: uuid("contact_id").notNull(),
    /** `telegram`, `whatsapp`, `viber`, `sms`, `webhook`, `notify`. */
    channel: text("channel").notNull(),
    status: text("status", { enum: CHANNEL_DELIVERY_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    retryAt: ts("retry_at"),
    /** Who it went to: chat id, phone, Viber id, webhook URL. */
    recipient: text("recipient"),
    /** The provider's message id (Telegram message_id, WhatsApp wamid, Twilio SID…). */
    providerId: text("provider_id"),
    responseStatus: integer("response_status"),
    /** The first 1,000 characters of the last response body. */
    responseExcerpt: text("response_excerpt"),
    detail: text("detail"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.effectKey] }),
    index("channel_deliveries_retry_idx").on(t.retryAt).where(sql`status = 'retrying'`),
    check(
      "channel_deliveries_status_check",
      sql`${t.status} in ('sent', 'skipped', 'retrying', 'failed')`,
    ),
  ],
);

export const TASK_STATUSES = ["open", "done"] as const;

/** A to-do for the sales team, created by a journey's notify-manager node. */
export const managerTasks = pgTable(
  "manager_tasks",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    /** The outbox effect that created it: a re-run creates nothing twice. */
    effectKey: text("effect_key").notNull(),
    contactId: uuid("contact_id").notNull(),
    journeyId: uuid("journey_id"),
    nodeId: text("node_id"),
    message: text("message").notNull(),
    /** A user id (member of the workspace); null means anyone on the team. */
    assigneeId: uuid("assignee_id"),
    dueAt: ts("due_at").notNull(),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("open"),
    createdAt: ts("created_at").notNull().defaultNow(),
    completedAt: ts("completed_at"),
    completedBy: uuid("completed_by"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("manager_tasks_effect_key").on(t.workspaceId, t.effectKey),
    index("manager_tasks_list_idx").on(t.workspaceId, t.status, t.dueAt),
    check("manager_tasks_status_check", sql`${t.status} in ('open', 'done')`),
  ],
);
