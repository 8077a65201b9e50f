CREATE TABLE "enrollment_inbox" (
	"workspace_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "enrollment_inbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enrollment_id" uuid NOT NULL,
	"input" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "enrollment_inbox_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"contact_id" uuid NOT NULL,
	"status" text NOT NULL,
	"node" text,
	"state" jsonb NOT NULL,
	"wake_at" timestamp with time zone,
	"start" jsonb,
	"waiting_event" text,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "enrollments_status_check" CHECK ("enrollments"."status" in ('active', 'waiting', 'exited', 'converted'))
);
--> statement-breakpoint
CREATE TABLE "journey_effects" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"contact_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_effects_workspace_id_key_pk" PRIMARY KEY("workspace_id","key"),
	CONSTRAINT "journey_effects_status_check" CHECK ("journey_effects"."status" in ('pending', 'done', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "journey_transitions" (
	"workspace_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "journey_transitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"journey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "journey_transitions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "journey_versions" (
	"workspace_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"graph" jsonb NOT NULL,
	"trigger_events" text[] DEFAULT '{}'::text[] NOT NULL,
	"wake_events" text[] DEFAULT '{}'::text[] NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_versions_workspace_id_journey_id_version_pk" PRIMARY KEY("workspace_id","journey_id","version")
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"draft" jsonb NOT NULL,
	"current_version" integer,
	"resumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journeys_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "journeys_status_check" CHECK ("journeys"."status" in ('draft', 'live', 'paused', 'stopped', 'archived'))
);
--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrollment_inbox_enrollment_idx" ON "enrollment_inbox" USING btree ("workspace_id","enrollment_id","id");--> statement-breakpoint
CREATE INDEX "enrollment_inbox_order_idx" ON "enrollment_inbox" USING btree ("id");--> statement-breakpoint
CREATE INDEX "enrollments_wake_idx" ON "enrollments" USING btree ("wake_at") WHERE wake_at is not null;--> statement-breakpoint
CREATE INDEX "enrollments_contact_idx" ON "enrollments" USING btree ("workspace_id","contact_id","journey_id");--> statement-breakpoint
CREATE INDEX "enrollments_journey_idx" ON "enrollments" USING btree ("workspace_id","journey_id","version","status");--> statement-breakpoint
CREATE INDEX "journey_effects_pending_idx" ON "journey_effects" USING btree ("channel","created_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "journey_effects_contact_idx" ON "journey_effects" USING btree ("workspace_id","contact_id","at");--> statement-breakpoint
CREATE INDEX "journey_transitions_node_idx" ON "journey_transitions" USING btree ("workspace_id","journey_id","version","node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "journey_transitions_open_idx" ON "journey_transitions" USING btree ("workspace_id","enrollment_id") WHERE left_at is null;--> statement-breakpoint
CREATE INDEX "journeys_status_idx" ON "journeys" USING btree ("workspace_id","status");