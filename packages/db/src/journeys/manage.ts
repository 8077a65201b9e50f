import { AppError } from "@voronka/core";
import { eventsOfInterest, JourneyGraph, type Violation, validate } from "@voronka/journey";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Tx } from "../contacts/resolve.ts";
import { triggerKeys } from "../engine/trigger-keys.ts";
import { getSendingRules, withWorkspaceDefaults } from "../queries/sending-rules.ts";
import { type JourneyStatus, journeys, journeyVersions } from "../schema/journeys.ts";

export type JourneyRow = typeof journeys.$inferSelect;
export type JourneyVersionRow = typeof journeyVersions.$inferSelect;

/** A new journey with an empty (trigger-less) draft unless one is given. */
export async function createJourney(
  db: Db,
  workspaceId: string,
  input: { name: string; draft?: unknown },
): Promise<JourneyRow> {
  const draft = input.draft ?? { schemaVersion: 1, nodes: [], edges: [] };
  const [row] = await db
    .insert(journeys)
    .values({ workspaceId, name: input.name, draft })
    .returning();
  if (!row) throw new AppError("internal", "The journey was not created.");
  return row;
}

export async function getJourney(
  db: Tx,
  workspaceId: string,
  id: string,
): Promise<JourneyRow | null> {
  const [row] = await db
    .select()
    .from(journeys)
    .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, id)));
  return row ?? null;
}

export async function listJourneys(db: Db, workspaceId: string): Promise<JourneyRow[]> {
  return db
    .select()
    .from(journeys)
    .where(eq(journeys.workspaceId, workspaceId))
    .orderBy(desc(journeys.createdAt));
}

export async function listVersions(
  db: Db,
  workspaceId: string,
  journeyId: string,
): Promise<JourneyVersionRow[]> {
  return db
    .select()
    .from(journeyVersions)
    .where(
      and(eq(journeyVersions.workspaceId, workspaceId), eq(journeyVersions.journeyId, journeyId)),
    )
    .orderBy(desc(journeyVersions.version));
}

/**
 * Saves the draft as the editor sent it — an unfinished graph is fine here (the editor saves as
 * the marketer draws); its violations are returned for display. Publishing is what refuses them.
 */
export async function updateDraft(
  db: Db,
  workspaceId: string,
  id: string,
  change: { name?: string; draft?: unknown },
): Promise<JourneyRow> {
  const [row] = await db
    .update(journeys)
    .set({ ...change, updatedAt: new Date() })
    .where(
      and(
        eq(journeys.workspaceId, workspaceId),
        eq(journeys.id, id),
        sql`${journeys.status} <> 'archived'`,
      ),
    )
    .returning();
  if (!row) throw new AppError("conflict", "An archived journey cannot be edited.");
  return row;
}

/**
 * Publishes the draft as a new immutable version and makes it the one new enrollments get;
 * contacts already in the journey stay on their version. Refuses a graph with violations.
 * A draft or stopped journey goes live; a paused one stays paused. The workspace's sending rules
 * fill in the quiet hours and frequency cap the draft leaves unset, so the version carries every
 * rule the engine applies to it (later changes to the defaults reach only later versions).
 */
export async function publishJourney(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<{ journey: JourneyRow; version: number } | { violations: Violation[] }> {
  return db.transaction(async (tx) => {
    const [j] = await tx
      .select()
      .from(journeys)
      .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, id)))
      .for("update");
    if (!j) throw new AppError("not_found", "No journey with this id in this workspace.");
    if (j.status === "archived")
      throw new AppError("conflict", "An archived journey cannot be published.");
    const violations = validate(j.draft);
    if (violations.length > 0) return { violations };
    const draft = JourneyGraph.parse(j.draft);
    const defaults = await getSendingRules(tx, workspaceId);
    const graph = { ...draft, settings: withWorkspaceDefaults(draft.settings, defaults) };
    const version = (j.currentVersion ?? 0) + 1;
    const triggerEvents = graph.nodes.flatMap((n) =>
      n.type === "trigger-event" ? [n.data.event] : [],
    );
    await tx.insert(journeyVersions).values({
      workspaceId,
      journeyId: id,
      version,
      graph,
      triggerEvents: [...new Set(triggerEvents)],
      wakeEvents: eventsOfInterest(graph),
      triggerKeys: triggerKeys(graph),
    });
    const status: JourneyStatus = j.status === "paused" ? "paused" : "live";
    const [journey] = await tx
      .update(journeys)
      .set({ currentVersion: version, status, updatedAt: new Date() })
      .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, id)))
      .returning();
    if (!journey) throw new AppError("internal", "The journey vanished while publishing.");
    return { journey, version };
  });
}

/** A copy of the journey's draft as a new draft journey. */
export async function duplicateJourney(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<JourneyRow> {
  const j = await getJourney(db, workspaceId, id);
  if (!j) throw new AppError("not_found", "No journey with this id in this workspace.");
  return createJourney(db, workspaceId, { name: `${j.name} (copy)`, draft: j.draft });
}

/** The problems that stop a draft from being published (empty when it can be). */
export function draftViolations(draft: unknown): Violation[] {
  return validate(draft);
}
