import { type ReactNode, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { EmptyState } from "../ui/EmptyState.tsx";
import { AnalyticsIcon } from "../ui/Icons.tsx";

interface Labels {
  /** "Funnel", "Journey": the label of the picker. */
  pick: string;
  emptyTitle: string;
  emptyBody: string;
  create: string;
}

interface Props {
  items: { id: string; name: string }[];
  labels: Labels;
  /** Where "create one" leads when there is nothing to report on yet. */
  createTo: string;
  /** The period picker and export buttons, shown beside this picker. */
  toolbar: ReactNode;
  children(id: string): ReactNode;
}

/**
 * The "which funnel / which journey" picker a report starts with: the first one is chosen, and
 * with none yet the marketer is told how to get one instead of an empty chart.
 */
export function ReportPicker({ items, labels, createTo, toolbar, children }: Props) {
  const [picked, setPicked] = useState("");
  const first = items[0]?.id ?? "";
  useEffect(() => {
    if (!picked && first) setPicked(first);
  }, [picked, first]);
  if (items.length === 0) {
    return (
      <EmptyState icon={<AnalyticsIcon size={28} />} title={labels.emptyTitle}>
        <p>{labels.emptyBody}</p>
        <p>
          <Link className="button button-primary" to={createTo}>
            {labels.create}
          </Link>
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <div className="toolbar an-toolbar">
        <label className="an-field">
          <span>{labels.pick}</span>
          <select
            className="input select"
            value={picked}
            onChange={(e) => setPicked(e.target.value)}
          >
            {items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
        {toolbar}
      </div>
      {picked ? children(picked) : null}
    </>
  );
}
