import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Tx } from "../contacts/resolve.ts";
import { audiences, funnelAudienceSettings } from "../schema/audiences.ts";
import { funnelStages } from "../schema/funnels.ts";
import { type AudienceCause, changeMembership } from "./membership.ts";

export type AudienceRow = typeof audiences.$inferSelect;

/** A live audience with its member count. */
export interface AudienceWithCount extends AudienceRow {
  memberCount: number;
}

/** The workspace's live audiences, oldest first, with member counts. */
export async function listAudiences(db: Tx, workspaceId: string): Promise<AudienceWithCount[]> {
  const rows = await db.execute<{ id: string; n: string }>(sql`
    select a.id, count(m.contact_id)::text as n
    from audiences a
    left join audience_members m on m.workspace_id = a.workspace_id and m.audience_id = a.id
    where a.workspace_id = ${workspaceId} and a.archived_at is null
    group by a.id`);
  const counts = new Map(rows.rows.map((r) => [r.id, Number(r.n)]));
  const list = await db
    .select()
    .from(audiences)
    .where(and(eq(audiences.workspaceId, workspaceId), isNull(audiences.archivedAt)))
    .orderBy(asc(audiences.createdAt), asc(audiences.name));
  // Stage audiences in their funnel's order (open stages, then Won, then Lost).
  const order = await db.execute<{ id: string; rank: string }>(sql`
    select a.id, (case s.kind when 'open' then 0 when 'won' then 1 else 2 end * 10000 + s.position)::text as rank
    from audiences a join funnel_stages s on s.workspace_id = a.workspace_id and s.id = a.stage_id
    where a.workspace_id = ${workspaceId} and a.archived_at is null`);
  const rank = new Map(order.rows.map((r) => [r.id, Number(r.rank)]));
  const funnelFirst = new Map<string, number>();
  list.forEach((a, i) => {
    if (a.funnelId && !funnelFirst.has(a.funnelId)) funnelFirst.set(a.funnelId, i);
  });
  const position = (a: AudienceRow, i: number) =>
    a.funnelId ? (funnelFirst.get(a.funnelId) ?? i) : i;
  return list
    .map((a, i) => ({ a, i }))
    .sort(
      (x, y) =>
        position(x.a, x.i) - position(y.a, y.i) ||
        (rank.get(x.a.id) ?? 0) - (rank.get(y.a.id) ?? 0) ||
        x.i - y.i,
    )
    .map(({ a }) => ({ ...a, memberCount: counts.get(a.id) ?? 0 }));
}

/** One live audience of the workspace, or undefined. */
export async function getAudience(
  db: Tx,
  workspaceId: string,
  id: string,
): Promise<AudienceWithCount | undefined> {
  const [row] = await db
    .select()
    .from(audiences)
    .where(
      and(
        eq(audiences.workspaceId, workspaceId),
        eq(audiences.id, id),
        isNull(audiences.archivedAt),
      ),
    );
  if (!row) return undefined;
  const count = await db.execute<{ n: string }>(sql`
    select count(*)::text as n from audience_members
    where workspace_id = ${workspaceId} and audience_id = ${id}`);
  return { ...row, memberCount: Number(count.rows[0]?.n ?? 0) };
}

/** A new hand-made (or journey-fed) audience. */
export async function createAudience(
  db: Tx,
  workspaceId: string,
  input: { name: string; kind?: "manual" | "journey" },
): Promise<AudienceRow> {
  const [row] = await db
    .insert(audiences)
    .values({ workspaceId, name: input.name, kind: input.kind ?? "manual" })
    .returning();
  if (!row) throw new Error("audience not created");
  return row;
}

/** Renames an audience; false when it is not a live audience of the workspace. */
export async function renameAudience(
  db: Tx,
  workspaceId: string,
  id: string,
  name: string,
): Promise<boolean> {
  const rows = await db
    .update(audiences)
    .set({ name })
    .where(
      and(
        eq(audiences.workspaceId, workspaceId),
        eq(audiences.id, id),
        isNull(audiences.archivedAt),
      ),
    )
    .returning({ id: audiences.id });
  return rows.length > 0;
}

/**
 * Archives an audience (its history stays). Its members are removed through the change log,
 * so the next sync empties the platforms' copies too.
 */
export async function archiveAudience(db: Db, workspaceId: string, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(audiences)
      .set({ archivedAt: new Date() })
      .where(
        and(
          eq(audiences.workspaceId, workspaceId),
          eq(audiences.id, id),
          isNull(audiences.archivedAt),
        ),
      )
      .returning({ id: audiences.id });
    if (rows.length === 0) return false;
    await tx.execute(sql`
      with gone as (
        delete from audience_members where workspace_id = ${workspaceId} and audience_id = ${id}
        returning contact_id)
      insert into audience_changes (workspace_id, audience_id, contact_id, action, cause, cause_ref)
      select ${workspaceId}, ${id}, contact_id, 'remove', 'user', 'archived' from gone`);
    return true;
  });
}

/** The funnel's per-stage setting and its stages' audiences. */
export interface StageAudienceSetting {
  perStage: boolean;
  stages: { stageId: string; audienceId: string | null }[];
}

export async function getStageAudienceSetting(
  db: Tx,
  workspaceId: string,
  funnelId: string,
): Promise<StageAudienceSetting> {
  const [setting] = await db
    .select()
    .from(funnelAudienceSettings)
    .where(
      and(
        eq(funnelAudienceSettings.workspaceId, workspaceId),
        eq(funnelAudienceSettings.funnelId, funnelId),
      ),
    );
  const rows = await db.execute<{ stage_id: string; audience_id: string | null }>(sql`
    select s.id as stage_id, a.id as audience_id
    from funnel_stages s
    left join audiences a
      on a.workspace_id = s.workspace_id and a.stage_id = s.id and a.archived_at is null
    where s.workspace_id = ${workspaceId} and s.funnel_id = ${funnelId}
    order by case s.kind when 'open' then 0 when 'won' then 1 else 2 end, s.position`);
  return {
    perStage: setting?.perStage ?? false,
    stages: rows.rows.map((r) => ({ stageId: r.stage_id, audienceId: r.audience_id })),
  };
}

/**
 * Turns "each stage has its audience" on or off for a funnel. Turning it on creates the
 * missing stage audiences (named "<funnel>: <stage>") and fills them with the contacts now in
 * each stage, all in one transaction with the setting, so no move slips between the two.
 */
export async function setStageAudiences(
  db: Db,
  workspaceId: string,
  funnelId: string,
  funnelName: string,
  perStage: boolean,
): Promise<StageAudienceSetting> {
  return db.transaction(async (tx) => {
    await tx
      .insert(funnelAudienceSettings)
      .values({ workspaceId, funnelId, perStage })
      .onConflictDoUpdate({
        target: [funnelAudienceSettings.workspaceId, funnelAudienceSettings.funnelId],
        set: { perStage, updatedAt: new Date() },
      });
    if (perStage) {
      const stages = await tx
        .select()
        .from(funnelStages)
        .where(and(eq(funnelStages.workspaceId, workspaceId), eq(funnelStages.funnelId, funnelId)));
      const existing = await getStageAudienceSetting(tx, workspaceId, funnelId);
      const have = new Set(existing.stages.filter((s) => s.audienceId).map((s) => s.stageId));
      const missing = stages.filter((s) => !have.has(s.id));
      if (missing.length > 0) {
        const created = await tx
          .insert(audiences)
          .values(
            missing.map((s) => ({
              workspaceId,
              name: `${funnelName}: ${s.name}`,
              kind: "stage" as const,
              funnelId,
              stageId: s.id,
            })),
          )
          .returning();
        const members = await tx.execute<{ audience_id: string; contact_id: string }>(sql`
          select a.id as audience_id, cs.contact_id
          from audiences a
          join contact_stages cs on cs.workspace_id = a.workspace_id and cs.stage_id = a.stage_id
          where a.workspace_id = ${workspaceId}
            and a.id = any(${sql.param(created.map((c) => c.id))}::uuid[])`);
        await changeMembership(
          tx,
          workspaceId,
          members.rows.map((m) => ({
            audienceId: m.audience_id,
            contactId: m.contact_id,
            action: "add" as const,
            cause: "stage" as const,
            causeRef: "per-stage setting turned on",
          })),
        );
      }
    }
    return getStageAudienceSetting(tx, workspaceId, funnelId);
  });
}

/** A page of an audience's members, newest first. */
export async function listAudienceMembers(
  db: Tx,
  workspaceId: string,
  audienceId: string,
  opts: { limit: number; offset: number },
): Promise<
  {
    contactId: string;
    email: string | null;
    phone: string | null;
    name: string | null;
    addedAt: Date;
  }[]
> {
  const rows = await db.execute<{
    contact_id: string;
    email: string | null;
    phone: string | null;
    name: string | null;
    added_at: Date;
  }>(sql`
    select m.contact_id, c.email, c.phone,
           nullif(trim(coalesce(c.name, concat_ws(' ', c.first_name, c.last_name))), '') as name,
           m.added_at
    from audience_members m
    join contacts c on c.workspace_id = m.workspace_id and c.id = m.contact_id
    where m.workspace_id = ${workspaceId} and m.audience_id = ${audienceId}
    order by m.added_at desc, m.contact_id
    limit ${opts.limit} offset ${opts.offset}`);
  return rows.rows.map((r) => ({
    contactId: r.contact_id,
    email: r.email,
    phone: r.phone,
    name: r.name,
    addedAt: new Date(r.added_at),
  }));
}

/** The change log of an audience, newest first. */
export async function audienceHistory(
  db: Tx,
  workspaceId: string,
  audienceId: string,
  opts: { limit: number; contactId?: string | undefined },
) {
  const rows = await db.execute<{
    id: string;
    contact_id: string;
    action: "add" | "remove";
    cause: AudienceCause;
    cause_ref: string | null;
    at: Date;
  }>(sql`
    select id::text, contact_id, action, cause, cause_ref, at from audience_changes
    where workspace_id = ${workspaceId} and audience_id = ${audienceId}
      ${opts.contactId ? sql`and contact_id = ${opts.contactId}` : sql``}
    order by id desc limit ${opts.limit}`);
  return rows.rows.map((r) => ({
    id: Number(r.id),
    contactId: r.contact_id,
    action: r.action,
    cause: r.cause,
    causeRef: r.cause_ref,
    at: new Date(r.at),
  }));
}

/** A keyset page of members' identifiers (for exports), by contact id. */
export async function audienceIdentifiersPage(
  db: Tx,
  workspaceId: string,
  audienceId: string,
  after: string | null,
  limit: number,
): Promise<{ contactId: string; email: string | null; phone: string | null }[]> {
  const rows = await db.execute<{
    contact_id: string;
    email: string | null;
    phone: string | null;
  }>(sql`
    select m.contact_id, c.email, c.phone
    from audience_members m
    join contacts c on c.workspace_id = m.workspace_id and c.id = m.contact_id
    where m.workspace_id = ${workspaceId} and m.audience_id = ${audienceId}
      ${after ? sql`and m.contact_id > ${after}` : sql``}
    order by m.contact_id
    limit ${limit}`);
  return rows.rows.map((r) => ({ contactId: r.contact_id, email: r.email, phone: r.phone }));
}

/** The ids among `ids` that are live (not merged away) contacts of the workspace. */
export async function existingContactIds(
  db: Tx,
  workspaceId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.execute<{ id: string }>(sql`
    select id from contacts
    where workspace_id = ${workspaceId} and id = any(${sql.param([...ids])}::uuid[])
      and merged_into is null`);
  return new Set(rows.rows.map((r) => r.id));
}
