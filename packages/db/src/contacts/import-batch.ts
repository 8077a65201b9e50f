import { sql } from "drizzle-orm";
import { moveContacts } from "../funnels/move.ts";
import { pgArray } from "../sql-array.ts";
import type { ImportBatch } from "./import-plan.ts";
import { type ContactPatch, patchContacts } from "./patch.ts";
import { resolveContacts, type Tx } from "./resolve.ts";

/** The most rejected rows an import keeps in its report (all are counted). */
export const REPORT_LIMIT = 1000;

export interface ImportTarget {
  workspaceId: string;
  importId: string;
  /** Put every imported contact into this stage (cause `import`). */
  stage?: { funnelId: string; stageId: string } | undefined;
}

/**
 * Writes one batch, set-based, and records its progress in the same transaction, so a
 * crash leaves the import exactly at the last committed batch: one identity lookup and
 * insert (resolveContacts), one UPDATE … FROM unnest for fields and traits, one for tags,
 * one set-based stage move, one progress update — never a statement per row.
 * `reportRoom` is how many more rejects the report may hold.
 */
export async function applyImportBatch(
  tx: Tx,
  target: ImportTarget,
  batch: ImportBatch,
  reportRoom: number,
): Promise<{ inserted: number; updated: number }> {
  const { workspaceId } = target;
  const { records } = batch;
  let inserted = 0;
  if (records.length > 0) {
    const resolved = await resolveContacts(
      tx,
      workspaceId,
      records.map((r) => r.identities),
    );
    const patches = new Map<string, ContactPatch>();
    const tags = new Map<string, string[]>();
    records.forEach((record, i) => {
      const id = resolved.contactIds[i]!;
      if (resolved.created.has(id)) inserted += 1;
      // Two records can meet at one existing contact; the later one wins, as in the file.
      const before = patches.get(id);
      patches.set(
        id,
        before
          ? { ...before, ...record.patch, traits: { ...before.traits, ...record.patch.traits } }
          : record.patch,
      );
      if (record.tags.length > 0) tags.set(id, [...(tags.get(id) ?? []), ...record.tags]);
    });
    await patchContacts(tx, workspaceId, patches);
    if (tags.size > 0) {
      const ids = [...tags.keys()];
      await tx.execute(sql`
        update contacts c set
          tags = array(select distinct t from unnest(c.tags || array(select jsonb_array_elements_text(p.tags::jsonb))) as t),
          updated_at = now()
        from unnest(${pgArray(ids)}::uuid[], ${pgArray(ids.map((id) => JSON.stringify(tags.get(id))))}::text[]) as p(id, tags)
        where c.workspace_id = ${workspaceId} and c.id = p.id`);
    }
    const stage = target.stage;
    if (stage) {
      await moveContacts(
        tx,
        workspaceId,
        [...new Set(resolved.contactIds)].map((contactId) => ({
          funnelId: stage.funnelId,
          contactId,
          toStageId: stage.stageId,
          cause: "import" as const,
          causeRef: target.importId,
        })),
      );
    }
  }
  const updated = records.length - inserted;
  const report = batch.rejects.slice(0, Math.max(0, reportRoom));
  await tx.execute(sql`
    update contact_imports set
      processed_rows = ${batch.toRow}, inserted = inserted + ${inserted}, updated = updated + ${updated},
      duplicates = duplicates + ${batch.duplicates}, rejected = rejected + ${batch.rejects.length},
      report = report || ${JSON.stringify(report)}::jsonb
    where workspace_id = ${workspaceId} and id = ${target.importId}`);
  return { inserted, updated };
}
