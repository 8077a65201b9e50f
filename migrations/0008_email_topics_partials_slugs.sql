CREATE TABLE "email_partial_versions" (
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"mjml" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_partial_versions_workspace_id_name_version_pk" PRIMARY KEY("workspace_id","name","version")
);
--> statement-breakpoint
CREATE TABLE "email_topic_optouts" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_topic_optouts_workspace_id_contact_id_topic_id_pk" PRIMARY KEY("workspace_id","contact_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "email_topics" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_topics_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "email_templates" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "email_templates" ADD COLUMN "topic_id" uuid;--> statement-breakpoint
ALTER TABLE "email_partial_versions" ADD CONSTRAINT "email_partial_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_topics" ADD CONSTRAINT "email_topics_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_templates_slug_idx" ON "email_templates" USING btree ("workspace_id","slug") WHERE slug is not null;