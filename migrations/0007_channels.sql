CREATE TABLE "marketing_spend" (
	"workspace_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"month" date NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketing_spend_workspace_id_channel_month_pk" PRIMARY KEY("workspace_id","channel","month")
);
--> statement-breakpoint
CREATE TABLE "rfm_scores" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"recency" smallint NOT NULL,
	"frequency" smallint NOT NULL,
	"monetary" smallint NOT NULL,
	"last_purchase_at" timestamp with time zone NOT NULL,
	"orders" integer NOT NULL,
	"revenue" numeric(14, 2) NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rfm_scores_workspace_id_contact_id_pk" PRIMARY KEY("workspace_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "channel_deliveries" (
	"workspace_id" uuid NOT NULL,
	"effect_key" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"retry_at" timestamp with time zone,
	"recipient" text,
	"provider_id" text,
	"response_status" integer,
	"response_excerpt" text,
	"detail" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_deliveries_workspace_id_effect_key_pk" PRIMARY KEY("workspace_id","effect_key"),
	CONSTRAINT "channel_deliveries_status_check" CHECK ("channel_deliveries"."status" in ('sent', 'skipped', 'retrying', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "channel_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"telegram_token_enc" text,
	"telegram_base_url" text,
	"whatsapp_phone_number_id" text,
	"whatsapp_token_enc" text,
	"whatsapp_language" text DEFAULT 'en' NOT NULL,
	"whatsapp_base_url" text,
	"viber_token_enc" text,
	"viber_sender_name" text,
	"viber_base_url" text,
	"sms_account_sid" text,
	"sms_auth_token_enc" text,
	"sms_from" text,
	"sms_base_url" text,
	"webhook_secret_enc" text,
	"allow_private_webhooks" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "manager_tasks" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"effect_key" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"journey_id" uuid,
	"node_id" text,
	"message" text NOT NULL,
	"assignee_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	CONSTRAINT "manager_tasks_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "manager_tasks_status_check" CHECK ("manager_tasks"."status" in ('open', 'done'))
);
--> statement-breakpoint
ALTER TABLE "marketing_spend" ADD CONSTRAINT "marketing_spend_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_settings" ADD CONSTRAINT "channel_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manager_tasks" ADD CONSTRAINT "manager_tasks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rfm_scores_grid_idx" ON "rfm_scores" USING btree ("workspace_id","recency","frequency");--> statement-breakpoint
CREATE INDEX "channel_deliveries_retry_idx" ON "channel_deliveries" USING btree ("retry_at") WHERE status = 'retrying';--> statement-breakpoint
CREATE UNIQUE INDEX "manager_tasks_effect_key" ON "manager_tasks" USING btree ("workspace_id","effect_key");--> statement-breakpoint
CREATE INDEX "manager_tasks_list_idx" ON "manager_tasks" USING btree ("workspace_id","status","due_at");