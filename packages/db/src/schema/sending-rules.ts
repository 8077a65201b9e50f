import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./tenancy.ts";

/**
 * A workspace's default sending rules: quiet hours (local `HH:MM` range in the contact's time
 * zone) and a per-contact frequency cap. They are copied into a journey version's graph settings
 * when it is published, where the journey sets none itself — the engine reads only the version.
 * A rule is off when its columns are null; each rule's columns are set or cleared together.
 */
export const sendingRules = pgTable(
  "sending_rules",
  {
    workspaceId: uuid("workspace_id")
      .primaryKey()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    quietFrom: text("quiet_from"),
    quietTo: text("quiet_to"),
    capMax: integer("cap_max"),
    capPerAmount: integer("cap_per_amount"),
    capPerUnit: text("cap_per_unit", { enum: ["minutes", "hours", "days", "weeks"] }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    check("sending_rules_quiet_check", sql`(${t.quietFrom} is null) = (${t.quietTo} is null)`),
    check(
      "sending_rules_cap_check",
      sql`(${t.capMax} is null) = (${t.capPerAmount} is null) and (${t.capMax} is null) = (${t.capPerUnit} is null)`,
    ),
    check(
      "sending_rules_cap_unit_check",
      sql`${t.capPerUnit} in ('minutes', 'hours', 'days', 'weeks')`,
    ),
  ],
);
