import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";

/** A task a notify-manager effect creates. */
export interface NewManagerTask {
  workspaceId: string;
  effectKey: string;
  contactId: string;
  journeyId: string | null;
  nodeId: string | null;
  message: string;
  assigneeId: string | null;
  dueAt: Date;
}

/** A task as the task list shows it. */
export interface ManagerTask {
  id: string;
  contactId: string;
  contactName: string | null;
  journeyId: string | null;
  journeyName: string | null;
  message: string;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: Date;
  status: "open" | "done";
  createdAt: Date;
  completedAt: Date | null;
}

/** Inserts tasks; one per effect key, so a re-run creates nothing twice. Returns new ids by key. */
export async function createManagerTasks(
  tx: Tx,
  list: readonly NewManagerTask[],
): Promise<Map<string, string>> {
  if (list.length === 0) return new Map();
  const col = <T>(f: (t: NewManagerTask) => T) => pgArray(list.map(f));
  const r = await tx.execute<{ effect_key: string; id: string }>(sql`
    insert into manager_tasks (workspace_id, effect_key, contact_id, journey_id, node_id, message, assignee_id, due_at)
    select * from unnest(${col((t) => t.workspaceId)}::uuid[], ${col((t) => t.effectKey)}::text[],
                         ${col((t) => t.contactId)}::uuid[], ${col((t) => t.journeyId)}::uuid[],
                         ${col((t) => t.nodeId)}::text[], ${col((t) => t.message)}::text[],
                         ${col((t) => t.assigneeId)}::uuid[], ${col((t) => t.dueAt.toISOString())}::timestamptz[])
    on conflict (workspace_id, effect_key) do nothing
    returning effect_key, id`);
  return new Map(r.rows.map((x) => [x.effect_key, x.id]));
}

type TaskRow = {
  id: string;
  contact_id: string;
  contact_name: string | null;
  journey_id: string | null;
  journey_name: string | null;
  message: string;
  assignee_id: string | null;
  assignee_name: string | null;
  due_at: Date;
  status: "open" | "done";
  created_at: Date;
  completed_at: Date | null;
};

function toTask(r: TaskRow): ManagerTask {
  return {
    id: r.id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    journeyId: r.journey_id,
    journeyName: r.journey_name,
    message: r.message,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    dueAt: new Date(r.due_at),
    status: r.status,
    createdAt: new Date(r.created_at),
    completedAt: r.completed_at ? new Date(r.completed_at) : null,
  };
}

const SELECT = sql`
  select t.id, t.contact_id,
         coalesce(nullif(c.name, ''), nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), ''), c.email, c.phone) as contact_name,
         t.journey_id, j.name as journey_name, t.message, t.assignee_id, u.name as assignee_name,
         t.due_at, t.status, t.created_at, t.completed_at
  from manager_tasks t
  left join contacts c on c.workspace_id = t.workspace_id and c.id = t.contact_id
  left join journeys j on j.workspace_id = t.workspace_id and j.id = t.journey_id
  left join memberships m on m.workspace_id = t.workspace_id and m.user_id = t.assignee_id
  left join users u on u.id = m.user_id`;

/** Tasks of a workspace, soonest due first; filtered by status and assignee. */
export async function listManagerTasks(
  tx: Tx,
  workspaceId: string,
  filter: { status?: "open" | "done" | undefined; assigneeId?: string | undefined; limit: number },
): Promise<ManagerTask[]> {
  const r = await tx.execute<TaskRow>(sql`
    ${SELECT}
    where t.workspace_id = ${workspaceId}
      ${filter.status ? sql`and t.status = ${filter.status}` : sql``}
      ${filter.assigneeId ? sql`and t.assignee_id = ${filter.assigneeId}` : sql``}
    order by t.status, t.due_at, t.id
    limit ${filter.limit}`);
  return r.rows.map(toTask);
}

/** One task of the workspace, or undefined. */
export async function getManagerTask(
  tx: Tx,
  workspaceId: string,
  id: string,
): Promise<ManagerTask | undefined> {
  const r = await tx.execute<TaskRow>(sql`
    ${SELECT} where t.workspace_id = ${workspaceId} and t.id = ${id}`);
  const row = r.rows[0];
  return row ? toTask(row) : undefined;
}

/** Marks a task done (idempotent); undefined when it is not the workspace's. */
export async function completeManagerTask(
  tx: Tx,
  workspaceId: string,
  id: string,
  userId: string | null,
): Promise<ManagerTask | undefined> {
  await tx.execute(sql`
    update manager_tasks set status = 'done', completed_at = now(), completed_by = ${userId}
    where workspace_id = ${workspaceId} and id = ${id} and status = 'open'`);
  return getManagerTask(tx, workspaceId, id);
}

/** Email addresses of who should hear about a task: the assignee, or the workspace's owners and admins. */
export async function managerRecipients(
  tx: Tx,
  workspaceId: string,
  assigneeId: string | null,
): Promise<{ email: string; name: string }[]> {
  const r = await tx.execute<{ email: string; name: string }>(sql`
    select u.email, u.name from memberships m join users u on u.id = m.user_id
    where m.workspace_id = ${workspaceId}
      and ${assigneeId ? sql`m.user_id = ${assigneeId}` : sql`m.role in ('owner', 'admin')`}
    order by u.email`);
  return r.rows;
}
