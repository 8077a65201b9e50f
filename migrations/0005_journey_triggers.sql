CREATE TABLE "journey_bulk_enrollments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"filter" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer,
	"enrolled" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"after" uuid,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "journey_bulk_enrollments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "journey_bulk_enrollments_status_check" CHECK ("journey_bulk_enrollments"."status" in ('queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "journey_date_marks" (
	"workspace_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"node_id" text NOT NULL,
	"scanned_until" timestamp with time zone NOT NULL,
	CONSTRAINT "journey_date_marks_workspace_id_journey_id_version_node_id_pk" PRIMARY KEY("workspace_id","journey_id","version","node_id")
);
--> statement-breakpoint
ALTER TABLE "journey_versions" ADD COLUMN "trigger_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "journey_versions" v SET "trigger_keys" = coalesce((
	SELECT array_agg(DISTINCT CASE n->>'type'
		WHEN 'trigger-lead' THEN 'lead'
		WHEN 'trigger-stage' THEN 'stage:' || (n->'data'->>'funnel')
		WHEN 'trigger-attribute' THEN 'attribute:' || (n->'data'->>'attribute')
		WHEN 'trigger-date' THEN 'date'
		WHEN 'trigger-segment' THEN 'segment:' || (n->'data'->>'segment')
		ELSE 'manual' END)
	FROM jsonb_array_elements(v."graph"->'nodes') n
	WHERE n->>'type' IN ('trigger-lead', 'trigger-stage', 'trigger-attribute', 'trigger-date', 'trigger-segment', 'trigger-manual')
), '{}'::text[]);
