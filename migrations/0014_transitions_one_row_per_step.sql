ALTER TABLE "journey_transitions" ADD COLUMN "passed_nodes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- One row per node visit, as journey_transitions held before this migration (rows written
-- before it have no passed nodes and read the same): the nodes a step passed straight through,
-- entered and left at the step's time, then the node it stopped at. Conditions on workspace,
-- journey, version and time reach both arms, and so the table's indexes.
CREATE VIEW "journey_node_visits" AS
  SELECT t.workspace_id, t.journey_id, t.version, t.enrollment_id, p.node_id, t.entered_at,
         t.entered_at AS left_at, 'passed'::text AS outcome
  FROM journey_transitions t CROSS JOIN LATERAL unnest(t.passed_nodes) AS p(node_id)
  UNION ALL
  SELECT t.workspace_id, t.journey_id, t.version, t.enrollment_id, t.node_id, t.entered_at,
         t.left_at, t.outcome
  FROM journey_transitions t;
