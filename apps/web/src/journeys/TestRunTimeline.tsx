import type { Dispatch, SetStateAction } from "react";
import { testRunStrings as t } from "./strings.ts";

export type Unit = "minutes" | "hours" | "days" | "weeks";
/** One thing that happens in a test run after the contact enters: an event or time passing. */
export type Entry = { type: "event"; name: string } | { type: "wait"; amount: number; unit: Unit };

interface Props {
  entries: Entry[];
  onEntries: Dispatch<SetStateAction<Entry[]>>;
  runOnDays: number;
  onRunOnDays(days: number): void;
}

/** What happens after the contact enters, in order, and for how many days the run goes on. */
export function TestRunTimeline({
  entries,
  onEntries: setEntries,
  runOnDays,
  onRunOnDays: setRunOnDays,
}: Props) {
  const setEntry = (i: number, entry: Entry) =>
    setEntries((all) => all.map((e, j) => (j === i ? entry : e)));
  return (
    <fieldset className="fieldset">
      <legend>{t.timeline}</legend>
      {entries.length === 0 ? <p className="muted small">{t.timelineEmpty}</p> : null}
      <ol className="test-run-timeline">
        {entries.map((entry, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
          <li key={i} className="timeline-row">
            {entry.type === "event" ? (
              <>
                <span className="timeline-kind">{t.event}</span>
                <input
                  className="input"
                  aria-label={`${t.eventName} ${i + 1}`}
                  placeholder="order_completed"
                  value={entry.name}
                  onChange={(e) => setEntry(i, { type: "event", name: e.target.value })}
                />
              </>
            ) : (
              <>
                <span className="timeline-kind">{t.wait}</span>
                <input
                  className="input timeline-amount"
                  aria-label={`${t.wait} ${i + 1}`}
                  inputMode="numeric"
                  value={String(entry.amount)}
                  onChange={(e) =>
                    setEntry(i, { ...entry, amount: Math.max(0, Number(e.target.value) || 0) })
                  }
                />
                <select
                  className="input select"
                  aria-label={`${t.wait} ${i + 1} unit`}
                  value={entry.unit}
                  onChange={(e) => setEntry(i, { ...entry, unit: e.target.value as Unit })} // options below are the units
                >
                  {(["minutes", "hours", "days", "weeks"] as const).map((u) => (
                    <option key={u} value={u}>
                      {t.unitLabels[u]}
                    </option>
                  ))}
                </select>
              </>
            )}
            <button
              type="button"
              className="button button-small button-ghost"
              aria-label={`${t.remove} ${i + 1}`}
              onClick={() => setEntries((all) => all.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="test-run-add">
        <button
          type="button"
          className="button button-small"
          onClick={() => setEntries((all) => [...all, { type: "wait", amount: 1, unit: "days" }])}
        >
          {t.addWait}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => setEntries((all) => [...all, { type: "event", name: "" }])}
        >
          {t.addEvent}
        </button>
      </div>
      <label className="test-run-runon">
        {t.runOn}{" "}
        <input
          className="input timeline-amount"
          inputMode="numeric"
          value={String(runOnDays)}
          onChange={(e) => setRunOnDays(Math.min(366, Math.max(0, Number(e.target.value) || 0)))}
        />{" "}
        {t.days}
      </label>
    </fieldset>
  );
}
