import type { Enrollment } from "@voronka/journey";

const isEmpty = (o: object) => {
  for (const _ in o) return false;
  return true;
};

/**
 * The stored form of an enrollment: what the row's columns hold (id, contact, status, wake
 * time, start time) and empty or null parts are left out, so a million waiting runs stay small
 * (a full state is ≈ 375 bytes of JSON, a stored one of a plain wait ≈ 45: `{"node": "w",
 * "waitingFor": {"type": "time"}}`). `node` stays in, for readers of the JSON; `startedAt` is
 * the `started_at` column (written together at enrollment). `fromStored` (advance.ts) restores the
 * interpreter's shape.
 */
export function toStored(x: Enrollment): Record<string, unknown> {
  const o: Record<string, unknown> = { node: x.node };
  if (x.exitReason !== null) o.exitReason = x.exitReason;
  if (x.waitingFor !== null) o.waitingFor = x.waitingFor;
  if (x.endedAt !== null) o.endedAt = x.endedAt;
  if (!isEmpty(x.visits)) o.visits = x.visits;
  if (!isEmpty(x.branches)) o.branches = x.branches;
  const c = x.context;
  const context: Record<string, unknown> = {};
  if (c.event !== null) context.event = c.event;
  if (!isEmpty(c.promoCodes)) context.promoCodes = c.promoCodes;
  if (!isEmpty(c.results)) context.results = c.results;
  if (!isEmpty(context)) o.context = context;
  return o;
}
