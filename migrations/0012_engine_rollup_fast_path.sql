DROP INDEX "journey_effects_contact_idx";--> statement-breakpoint
CREATE INDEX "journey_effects_contact_idx" ON "journey_effects" USING btree ("workspace_id","contact_id","at") WHERE type in ('send-email', 'send-message');--> statement-breakpoint
-- The funnel_move_facts rows of a set of moves, which must hold every move of each (workspace,
-- funnel, contact) in it. One definition for the refresh (moves read from stage_moves) and for
-- the insert trigger's first moves (moves of the inserting statement only).
CREATE FUNCTION "funnel_move_facts_of"(moves stage_moves[]) RETURNS SETOF funnel_move_facts LANGUAGE sql STABLE AS $$
  SELECT workspace_id, id, funnel_id, contact_id, from_stage_id, to_stage_id, lost_reason_id, moved_at, segment_at,
         CASE WHEN live THEN extract(epoch FROM lead(moved_at) OVER (PARTITION BY workspace_id, funnel_id, contact_id, live ORDER BY moved_at, id) - moved_at)::float8 END,
         CASE WHEN from_stage_id IS NULL THEN lag(moved_at) OVER (PARTITION BY workspace_id, funnel_id, contact_id, from_stage_id IS NULL ORDER BY moved_at, id) END,
         CASE WHEN from_stage_id IS NULL THEN (SELECT array_agg(DISTINCT t ORDER BY t) FROM unnest(later) t) END
  FROM (
    SELECT m.workspace_id, m.id, m.funnel_id, m.contact_id, m.from_stage_id, m.to_stage_id, m.lost_reason_id, m.moved_at,
           EXISTS (SELECT 1 FROM funnel_stages s WHERE s.workspace_id = m.workspace_id AND s.id = m.to_stage_id) AS live,
           max(m.moved_at) FILTER (WHERE m.from_stage_id IS NULL) OVER (
             PARTITION BY m.workspace_id, m.funnel_id, m.contact_id ORDER BY m.moved_at
             RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS segment_at,
           array_agg(m.to_stage_id) OVER (
             PARTITION BY m.workspace_id, m.funnel_id, m.contact_id ORDER BY m.moved_at
             RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS later
    FROM unnest(moves) m
  ) x
$$;
--> statement-breakpoint
-- Index probes only, whatever the statistics say: on a table without them (freshly filled, or a
-- server with autovacuum off) the planner hash-joined all of stage_moves and funnel_move_facts
-- per statement, which made every batch of moves cost O(all moves).
CREATE OR REPLACE FUNCTION "funnel_move_facts_refresh"(ws uuid[], funnels uuid[], contacts uuid[]) RETURNS void LANGUAGE plpgsql
  SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off AS $$
BEGIN
  DELETE FROM funnel_move_facts f
  USING (SELECT DISTINCT * FROM unnest(ws, funnels, contacts) AS k(workspace_id, funnel_id, contact_id)) k
  WHERE f.workspace_id = k.workspace_id AND f.funnel_id = k.funnel_id AND f.contact_id = k.contact_id;
  INSERT INTO funnel_move_facts
  SELECT * FROM funnel_move_facts_of(ARRAY(
    SELECT m FROM (SELECT DISTINCT * FROM unnest(ws, funnels, contacts) AS k(workspace_id, funnel_id, contact_id)) k
    JOIN stage_moves m ON m.workspace_id = k.workspace_id AND m.funnel_id = k.funnel_id AND m.contact_id = k.contact_id));
END
$$;
--> statement-breakpoint
-- Inserts: a (funnel, contact) with no facts yet had no moves before this statement (every move
-- gets its facts in its own statement), so all its moves are in new_moves and its facts are
-- computed from them alone — no delete, no read of stage_moves. A contact's first moves (lead
-- placement, a journey's first stage move, imports) take this path; the others are recomputed
-- whole. Concurrent first moves of one contact are serialised by moveContacts' insert of its
-- contact_stages row: the later mover waits, skips the insert and moves it in a later statement,
-- which sees the earlier mover's facts.
CREATE OR REPLACE FUNCTION "funnel_move_facts_on_moves"() RETURNS trigger LANGUAGE plpgsql
  SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off AS $$
DECLARE
  ws uuid[];
  fs uuid[];
  cs uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH m AS MATERIALIZED (
      SELECT n::stage_moves AS move, NOT EXISTS (
               SELECT 1 FROM funnel_move_facts f
               WHERE f.workspace_id = n.workspace_id AND f.funnel_id = n.funnel_id AND f.contact_id = n.contact_id) AS fresh
      FROM new_moves n
    ),
    first_moves AS (
      INSERT INTO funnel_move_facts SELECT * FROM funnel_move_facts_of(ARRAY(SELECT move FROM m WHERE fresh))
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
