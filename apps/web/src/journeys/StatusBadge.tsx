import type { JourneyStatus } from "@voronka/contract";
import { statusBadge, statusLabels } from "./strings.ts";

/** A journey's status as a coloured pill: Draft, Live, Paused, Stopped. */
export function StatusBadge({ status }: { status: JourneyStatus }) {
  return (
    <span className={`badge ${statusBadge[status]}`} data-status={status}>
      {statusLabels[status]}
    </span>
  );
}
