CREATE TABLE "contact_identities" (
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_identities_workspace_id_kind_value_pk" PRIMARY KEY("workspace_id","kind","value"),
	CONSTRAINT "contact_identities_kind_check" CHECK ("contact_identities"."kind" in ('user_id', 'anonymous_id', 'email', 'phone', 'telegram', 'whatsapp', 'viber'))
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text,
	"email" text,
	"phone" text,
	"first_name" text,
	"last_name" text,
	"name" text,
	"gender" text,
	"birthday" date,
	"city" text,
	"country" text,
	"time_zone" text,
	"preferred_channel" text,
	"handles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"consent" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"traits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"lifetime_revenue" numeric(14, 2) DEFAULT '0' NOT NULL,
	"order_count" integer DEFAULT 0 NOT NULL,
	"source" text,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"merged_into" uuid,
	CONSTRAINT "contacts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"workspace_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"message_id" text NOT NULL,
	"type" text NOT NULL,
	"name" text,
	"contact_id" uuid NOT NULL,
	"user_id" text,
	"anonymous_id" text,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "events_type_check" CHECK ("events"."type" in ('track', 'identify', 'page', 'screen', 'group', 'alias'))
);
--> statement-breakpoint
CREATE TABLE "contact_stages" (
	"workspace_id" uuid NOT NULL,
	"funnel_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lost_reason_id" uuid,
	"lost_note" text,
	CONSTRAINT "contact_stages_workspace_id_funnel_id_contact_id_pk" PRIMARY KEY("workspace_id","funnel_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "funnel_stages" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"funnel_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'open' NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funnel_stages_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "funnel_stages_kind_check" CHECK ("funnel_stages"."kind" in ('open', 'won', 'lost'))
);
--> statement-breakpoint
CREATE TABLE "funnels" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"stall_days" integer DEFAULT 7 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "funnels_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "lost_reasons" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"funnel_id" uuid NOT NULL,
	"label" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	CONSTRAINT "lost_reasons_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "stage_moves" (
	"workspace_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "stage_moves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"funnel_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid NOT NULL,
	"cause" text NOT NULL,
	"cause_ref" text,
	"lost_reason_id" uuid,
	"lost_note" text,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stage_moves_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "stage_moves_cause_check" CHECK ("stage_moves"."cause" in ('journey', 'api', 'user', 'rule', 'lead', 'import'))
);
--> statement-breakpoint
CREATE TABLE "stage_rules" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"funnel_id" uuid NOT NULL,
	"event_name" text NOT NULL,
	"to_stage_id" uuid NOT NULL,
	"forward_only" boolean DEFAULT true NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stage_rules_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "contact_imports" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"file_name" text NOT NULL,
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total_rows" integer,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"report" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "contact_imports_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_sources" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"public_id" text NOT NULL,
	"channel" text NOT NULL,
	"name" text NOT NULL,
	"funnel_id" uuid,
	"stage_id" uuid,
	"secret" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_sources_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "lead_sources_channel_check" CHECK ("lead_sources"."channel" in ('web_form', 'telegram', 'whatsapp', 'viber', 'call_tracking', 'chat', 'api'))
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid,
	"channel" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"utm" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leads_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnels" ADD CONSTRAINT "funnels_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_sources" ADD CONSTRAINT "lead_sources_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_identities_contact_idx" ON "contact_identities" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "contacts_email_idx" ON "contacts" USING btree ("workspace_id","email");--> statement-breakpoint
CREATE INDEX "contacts_last_seen_idx" ON "contacts" USING btree ("workspace_id","last_seen_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_message_id_key" ON "events" USING btree ("workspace_id","message_id");--> statement-breakpoint
CREATE INDEX "events_contact_time_idx" ON "events" USING btree ("workspace_id","contact_id","timestamp");--> statement-breakpoint
CREATE INDEX "events_name_time_idx" ON "events" USING btree ("workspace_id","name","timestamp");--> statement-breakpoint
CREATE INDEX "contact_stages_stage_idx" ON "contact_stages" USING btree ("workspace_id","stage_id","entered_at");--> statement-breakpoint
CREATE INDEX "contact_stages_contact_idx" ON "contact_stages" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "funnel_stages_funnel_idx" ON "funnel_stages" USING btree ("workspace_id","funnel_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "funnel_stages_outcome_key" ON "funnel_stages" USING btree ("workspace_id","funnel_id","kind") WHERE kind <> 'open';--> statement-breakpoint
CREATE INDEX "stage_moves_contact_idx" ON "stage_moves" USING btree ("workspace_id","contact_id","moved_at");--> statement-breakpoint
CREATE INDEX "stage_moves_funnel_idx" ON "stage_moves" USING btree ("workspace_id","funnel_id","moved_at");--> statement-breakpoint
CREATE INDEX "stage_rules_event_idx" ON "stage_rules" USING btree ("workspace_id","event_name");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_sources_public_id_key" ON "lead_sources" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "leads_dedupe_key" ON "leads" USING btree ("workspace_id","channel","dedupe_key");--> statement-breakpoint
CREATE INDEX "leads_contact_idx" ON "leads" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("workspace_id","created_at");