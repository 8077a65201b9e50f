CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "contact_import_files" (
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"content" text NOT NULL,
	CONSTRAINT "contact_import_files_workspace_id_import_id_pk" PRIMARY KEY("workspace_id","import_id")
);
--> statement-breakpoint
ALTER TABLE "contact_imports" ADD COLUMN "duplicates" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "contacts_search_idx" ON "contacts" USING gin ((coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_tags_idx" ON "contacts" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "contacts_consent_idx" ON "contacts" USING gin ("consent" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "contacts_source_idx" ON "contacts" USING btree ("workspace_id","source","last_seen_at","id");