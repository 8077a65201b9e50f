CREATE TABLE "funnel_move_facts" (
	"workspace_id" uuid NOT NULL,
	"move_id" bigint NOT NULL,
	"funnel_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid NOT NULL,
	"lost_reason_id" uuid,
	"moved_at" timestamp with time zone NOT NULL,
	"segment_at" timestamp with time zone,
	"secs" double precision,
	"prev_entry_at" timestamp with time zone,
	"reached" uuid[],
	CONSTRAINT "funnel_move_facts_workspace_id_move_id_pk" PRIMARY KEY("workspace_id","move_id")
);
--> statement-breakpoint
CREATE TABLE "purchase_facts" (
	"workspace_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"contact_id" uuid NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"revenue" numeric NOT NULL,
	CONSTRAINT "purchase_facts_workspace_id_event_id_pk" PRIMARY KEY("workspace_id","event_id")
);
--> statement-breakpoint
CREATE INDEX "funnel_move_facts_contact_idx" ON "funnel_move_facts" USING btree ("workspace_id","funnel_id","contact_id");--> statement-breakpoint
CREATE INDEX "funnel_move_facts_cohort_idx" ON "funnel_move_facts" USING btree ("workspace_id","funnel_id","segment_at","contact_id","to_stage_id","from_stage_id","lost_reason_id","secs");--> statement-breakpoint
CREATE INDEX "funnel_move_facts_entry_idx" ON "funnel_move_facts" USING btree ("workspace_id","funnel_id","moved_at","prev_entry_at","contact_id","reached") WHERE from_stage_id is null;--> statement-breakpoint
CREATE INDEX "purchase_facts_time_idx" ON "purchase_facts" USING btree ("workspace_id","timestamp","contact_id","revenue");
--> statement-breakpoint
-- What a purchase event is worth to the reports: the first of revenue, total, value, amount that
-- is a plain decimal number (the keys ingestion's revenueOf tries, in the same order).
CREATE FUNCTION "purchase_revenue"(p jsonb) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(
    CASE WHEN (p->>'revenue') ~ '^\s*-?([0-9]+\.?[0-9]*|\.[0-9]+)\s*$' THEN (p->>'revenue')::numeric END,
    CASE WHEN (p->>'total') ~ '^\s*-?([0-9]+\.?[0-9]*|\.[0-9]+)\s*$' THEN (p->>'total')::numeric END,
    CASE WHEN (p->>'value') ~ '^\s*-?([0-9]+\.?[0-9]*|\.[0-9]+)\s*$' THEN (p->>'value')::numeric END,
    CASE WHEN (p->>'amount') ~ '^\s*-?([0-9]+\.?[0-9]*|\.[0-9]+)\s*$' THEN (p->>'amount')::numeric END,
    0)
$$;
--> statement-breakpoint
CREATE FUNCTION "purchase_facts_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM purchase_facts WHERE workspace_id = OLD.workspace_id AND event_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.name IN ('Order Completed', 'Purchase', 'Payment Received') THEN
    INSERT INTO purchase_facts (workspace_id, event_id, contact_id, "timestamp", revenue)
    VALUES (NEW.workspace_id, NEW.id, NEW.contact_id, NEW."timestamp", purchase_revenue(NEW.properties));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "purchase_facts_insert" AFTER INSERT ON "events" FOR EACH ROW
  WHEN (NEW.name IN ('Order Completed', 'Purchase', 'Payment Received')) EXECUTE FUNCTION purchase_facts_sync();
--> statement-breakpoint
CREATE TRIGGER "purchase_facts_update" AFTER UPDATE ON "events" FOR EACH ROW
  WHEN (OLD.name IN ('Order Completed', 'Purchase', 'Payment Received') OR NEW.name IN ('Order Completed', 'Purchase', 'Payment Received'))
  EXECUTE FUNCTION purchase_facts_sync();
--> statement-breakpoint
CREATE TRIGGER "purchase_facts_delete" AFTER DELETE ON "events" FOR EACH ROW
  WHEN (OLD.name IN ('Order Completed', 'Purchase', 'Payment Received')) EXECUTE FUNCTION purchase_facts_sync();
--> statement-breakpoint
INSERT INTO purchase_facts (workspace_id, event_id, contact_id, "timestamp", revenue)
SELECT workspace_id, id, contact_id, "timestamp", purchase_revenue(properties) FROM events
WHERE name IN ('Order Completed', 'Purchase', 'Payment Received');
--> statement-breakpoint
-- Recomputes the funnel_move_facts rows of the given (workspace, funnel, contact) keys from
-- stage_moves. Concurrent moves of one contact in one funnel are serialised by moveContacts'
-- lock on the contact's contact_stages row (held to commit), and each statement here takes a
-- fresh snapshot, so the later writer sees the earlier one's moves.
CREATE FUNCTION "funnel_move_facts_refresh"(ws uuid[], funnels uuid[], contacts uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM funnel_move_facts f
  USING (SELECT DISTINCT * FROM unnest(ws, funnels, contacts) AS k(workspace_id, funnel_id, contact_id)) k
  WHERE f.workspace_id = k.workspace_id AND f.funnel_id = k.funnel_id AND f.contact_id = k.contact_id;
  INSERT INTO funnel_move_facts (workspace_id, move_id, funnel_id, contact_id, from_stage_id, to_stage_id, lost_reason_id, moved_at, segment_at, secs, prev_entry_at, reached)
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
    FROM stage_moves m
    JOIN (SELECT DISTINCT * FROM unnest(ws, funnels, contacts) AS k(workspace_id, funnel_id, contact_id)) k
      ON m.workspace_id = k.workspace_id AND m.funnel_id = k.funnel_id AND m.contact_id = k.contact_id
  ) x;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "funnel_move_facts_on_moves"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM funnel_move_facts_refresh(array_agg(workspace_id), array_agg(funnel_id), array_agg(contact_id))
    FROM (SELECT DISTINCT workspace_id, funnel_id, contact_id FROM new_moves) k;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM funnel_move_facts_refresh(array_agg(workspace_id), array_agg(funnel_id), array_agg(contact_id))
    FROM (SELECT workspace_id, funnel_id, contact_id FROM new_moves
          UNION SELECT workspace_id, funnel_id, contact_id FROM old_moves) k;
  ELSE
    PERFORM funnel_move_facts_refresh(array_agg(workspace_id), array_agg(funnel_id), array_agg(contact_id))
    FROM (SELECT DISTINCT workspace_id, funnel_id, contact_id FROM old_moves) k;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "funnel_move_facts_insert" AFTER INSERT ON "stage_moves" REFERENCING NEW TABLE AS new_moves
  FOR EACH STATEMENT EXECUTE FUNCTION funnel_move_facts_on_moves();
--> statement-breakpoint
CREATE TRIGGER "funnel_move_facts_update" AFTER UPDATE ON "stage_moves" REFERENCING OLD TABLE AS old_moves NEW TABLE AS new_moves
  FOR EACH STATEMENT EXECUTE FUNCTION funnel_move_facts_on_moves();
--> statement-breakpoint
CREATE TRIGGER "funnel_move_facts_delete" AFTER DELETE ON "stage_moves" REFERENCING OLD TABLE AS old_moves
  FOR EACH STATEMENT EXECUTE FUNCTION funnel_move_facts_on_moves();
--> statement-breakpoint
-- A deleted stage drops out of the report's stage join: the moves around it get a new `secs`.
CREATE FUNCTION "funnel_move_facts_on_stages"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM funnel_move_facts_refresh(array_agg(workspace_id), array_agg(funnel_id), array_agg(contact_id))
  FROM (SELECT DISTINCT m.workspace_id, m.funnel_id, m.contact_id
        FROM funnel_move_facts m JOIN old_stages o ON m.workspace_id = o.workspace_id AND m.to_stage_id = o.id) k;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "funnel_move_facts_stage_delete" AFTER DELETE ON "funnel_stages" REFERENCING OLD TABLE AS old_stages
  FOR EACH STATEMENT EXECUTE FUNCTION funnel_move_facts_on_stages();
--> statement-breakpoint
-- Backfill: the same computation over every move.
INSERT INTO funnel_move_facts (workspace_id, move_id, funnel_id, contact_id, from_stage_id, to_stage_id, lost_reason_id, moved_at, segment_at, secs, prev_entry_at, reached)
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
    FROM stage_moves m
  ) x;
