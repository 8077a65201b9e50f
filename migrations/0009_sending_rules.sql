CREATE TABLE "sending_rules" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"quiet_from" text,
	"quiet_to" text,
	"cap_max" integer,
	"cap_per_amount" integer,
	"cap_per_unit" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sending_rules_quiet_check" CHECK (("sending_rules"."quiet_from" is null) = ("sending_rules"."quiet_to" is null)),
	CONSTRAINT "sending_rules_cap_check" CHECK (("sending_rules"."cap_max" is null) = ("sending_rules"."cap_per_amount" is null) and ("sending_rules"."cap_max" is null) = ("sending_rules"."cap_per_unit" is null)),
	CONSTRAINT "sending_rules_cap_unit_check" CHECK ("sending_rules"."cap_per_unit" in ('minutes', 'hours', 'days', 'weeks'))
);
--> statement-breakpoint
ALTER TABLE "sending_rules" ADD CONSTRAINT "sending_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;