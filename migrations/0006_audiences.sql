CREATE TABLE "ad_accounts" (
	"workspace_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"base_url" text NOT NULL,
	"account_id" text,
	"credentials_encrypted" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_accounts_workspace_id_platform_pk" PRIMARY KEY("workspace_id","platform"),
	CONSTRAINT "ad_accounts_platform_check" CHECK ("ad_accounts"."platform" in ('meta', 'google', 'vk', 'yandex'))
);
--> statement-breakpoint
CREATE TABLE "audience_changes" (
	"workspace_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audience_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"audience_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"action" text NOT NULL,
	"cause" text NOT NULL,
	"cause_ref" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audience_changes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "audience_changes_action_check" CHECK ("audience_changes"."action" in ('add', 'remove')),
	CONSTRAINT "audience_changes_cause_check" CHECK ("audience_changes"."cause" in ('stage', 'journey', 'user', 'api'))
);
--> statement-breakpoint
CREATE TABLE "audience_destinations" (
	"workspace_id" uuid NOT NULL,
	"audience_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"external_id" text NOT NULL,
	"cursor" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'idle' NOT NULL,
	"started_at" timestamp with time zone,
	"last_sync_at" timestamp with time zone,
	"last_added" integer DEFAULT 0 NOT NULL,
	"last_removed" integer DEFAULT 0 NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audience_destinations_workspace_id_audience_id_platform_pk" PRIMARY KEY("workspace_id","audience_id","platform"),
	CONSTRAINT "audience_destinations_platform_check" CHECK ("audience_destinations"."platform" in ('meta', 'google', 'vk', 'yandex'))
);
--> statement-breakpoint
CREATE TABLE "audience_members" (
	"workspace_id" uuid NOT NULL,
	"audience_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audience_members_workspace_id_audience_id_contact_id_pk" PRIMARY KEY("workspace_id","audience_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "audiences" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'manual' NOT NULL,
	"funnel_id" uuid,
	"stage_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "audiences_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "audiences_kind_check" CHECK ("audiences"."kind" in ('manual', 'stage', 'journey'))
);
--> statement-breakpoint
CREATE TABLE "funnel_audience_settings" (
	"workspace_id" uuid NOT NULL,
	"funnel_id" uuid NOT NULL,
	"per_stage" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funnel_audience_settings_workspace_id_funnel_id_pk" PRIMARY KEY("workspace_id","funnel_id")
);
--> statement-breakpoint
ALTER TABLE "audiences" ADD CONSTRAINT "audiences_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audience_changes_audience_idx" ON "audience_changes" USING btree ("workspace_id","audience_id","id");--> statement-breakpoint
CREATE INDEX "audience_members_contact_idx" ON "audience_members" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audiences_stage_key" ON "audiences" USING btree ("workspace_id","stage_id") WHERE stage_id is not null and archived_at is null;