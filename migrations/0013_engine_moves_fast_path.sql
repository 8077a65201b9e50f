DROP INDEX "funnel_move_facts_contact_idx";--> statement-breakpoint
CREATE INDEX "funnel_move_facts_contact_idx" ON "funnel_move_facts" USING btree ("workspace_id","funnel_id","contact_id","move_id");--> statement-breakpoint
-- The insert trigger of stage_moves, again (0012's otherwise). Two changes:
--  * "Has this (workspace, funnel, contact) facts already?" is a scalar probe in move order. As
--    0012's NOT EXISTS it could become a hashed subplan reading every fact of the funnel, and
--    on a table without statistics its index scan tied with funnel_move_facts_cohort_idx, whose
--    contact_id comes after segment_at: a probe through it read the whole funnel (at 100k facts,
--    0.3 ms a probe, 300 ms a 1,000-move statement, growing with the funnel). In move_id order
--    only funnel_move_facts_contact_idx serves it without a sort.
--  * A (funnel, contact) with no facts yet and a single move in the statement (a lead placed, a
--    journey's first stage move, most imports) gets its facts written straight from the row:
--    with nothing before or after it, funnel_move_facts_of's windows give segment_at = moved_at
--    for an entry (else null), no time to a next stage, no previous entry, and reached = its own
--    stage for an entry. Several first moves of one contact still go through funnel_move_facts_of.
CREATE OR REPLACE FUNCTION "funnel_move_facts_on_moves"() RETURNS trigger LANGUAGE plpgsql
  SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off AS $$
DECLARE
  ws uuid[];
  fs uuid[];
  cs uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH m AS MATERIALIZED (
      SELECT n::stage_moves AS move,
             (SELECT f.move_id FROM funnel_move_facts f
              WHERE f.workspace_id = n.workspace_id AND f.funnel_id = n.funnel_id AND f.contact_id = n.contact_id
              ORDER BY f.move_id LIMIT 1) IS NULL AS fresh,
             count(*) OVER (PARTITION BY n.workspace_id, n.funnel_id, n.contact_id) AS moves
      FROM new_moves n
    ),
    single_first_moves AS (
      INSERT INTO funnel_move_facts
      SELECT (move).workspace_id, (move).id, (move).funnel_id, (move).contact_id, (move).from_stage_id,
             (move).to_stage_id, (move).lost_reason_id, (move).moved_at,
             CASE WHEN (move).from_stage_id IS NULL THEN (move).moved_at END, NULL, NULL,
             CASE WHEN (move).from_stage_id IS NULL THEN ARRAY[(move).to_stage_id] END
      FROM m WHERE fresh AND moves = 1
    ),
    first_moves AS (
      INSERT INTO funnel_move_facts SELECT * FROM funnel_move_facts_of(ARRAY(SELECT move FROM m WHERE fresh AND moves > 1))
    )
    SELECT array_agg(workspace_id), array_agg(funnel_id), array_agg(contact_id) INTO ws, fs, cs
    FROM (SELECT DISTINCT (move).workspace_id, (move).funnel_id, (move).contact_id FROM m WHERE NOT fresh) k;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(workspace_id), array_agg(funnel_id), array_agg(contact_id) INTO ws, fs, cs
    FROM (SELECT workspace_id, funnel_id, contact_id FROM new_moves
          UNION SELECT workspace_id, funnel_id, contact_id FROM old_moves) k;
  ELSE
    SELECT array_agg(workspace_id), array_agg(funnel_id), array_agg(contact_id) INTO ws, fs, cs
    FROM (SELECT DISTINCT workspace_id, funnel_id, contact_id FROM old_moves) k;
  END IF;
  IF ws IS NOT NULL THEN
    PERFORM funnel_move_facts_refresh(ws, fs, cs);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The refresh's delete finds the old facts the same way (in move order through the contact
-- index) and deletes them by primary key.
CREATE OR REPLACE FUNCTION "funnel_move_facts_refresh"(ws uuid[], funnels uuid[], contacts uuid[]) RETURNS void LANGUAGE plpgsql
  SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off AS $$
BEGIN
  DELETE FROM funnel_move_facts f
  WHERE (f.workspace_id, f.move_id) IN (
    SELECT k.workspace_id, o.move_id
    FROM (SELECT DISTINCT * FROM unnest(ws, funnels, contacts) AS k(workspace_id, funnel_id, contact_id)) k
    CROSS JOIN LATERAL (
      SELECT x.move_id FROM funnel_move_facts x
      WHERE x.workspace_id = k.workspace_id AND x.funnel_id = k.funnel_id AND x.contact_id = k.contact_id
      ORDER BY x.move_id) o);
  INSERT INTO funnel_move_facts
  SELECT * FROM funnel_move_facts_of(ARRAY(
    SELECT m FROM (SELECT DISTINCT * FROM unnest(ws, funnels, contacts) AS k(workspace_id, funnel_id, contact_id)) k
    JOIN stage_moves m ON m.workspace_id = k.workspace_id AND m.funnel_id = k.funnel_id AND m.contact_id = k.contact_id));
END
$$;
