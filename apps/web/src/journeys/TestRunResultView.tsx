import type { TestRunResult } from "@voronka/contract";
import { useEffect, useRef } from "react";
import { formatDateTime } from "../ui/format.ts";
import { testRunStrings as t } from "./strings.ts";

function Outcome({ result, stepName }: { result: TestRunResult; stepName(id: string): string }) {
  const o = result.outcome;
  const step = o.nodeId ? stepName(o.nodeId) : "";
  const until = o.wakeAt ? formatDateTime(o.wakeAt) : null;
  let text: string;
  if (o.status === "converted") text = t.outcome.converted(step, formatDateTime(result.endedAt));
  else if (o.status === "exited") text = t.outcome.exited(step, formatDateTime(result.endedAt));
  else if (o.status === "waiting" && o.waitingForEvent)
    text = t.outcome.waitingEvent(step, o.waitingForEvent, until);
  else if (o.status === "waiting") text = t.outcome.waiting(step, until);
  else text = t.outcome.active(step);
  return (
    <p className={`test-run-outcome outcome-${o.status}`} data-testid="test-run-outcome">
      {text}
    </p>
  );
}

/** The answer of a test run: the outcome, the path (each step focuses the canvas), the effects. */
export function TestRunResultView({
  result,
  stepName,
  onFocus,
}: {
  result: TestRunResult;
  stepName(nodeId: string): string;
  onFocus(nodeId: string): void;
}) {
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [result]);
  // Leaving and reaching a goal are told by the outcome line above the list.
  const effects = result.effects.filter((e) => e.type !== "exit" && e.type !== "converted");
  return (
    <div className="test-run-result" data-testid="test-run-result" ref={resultRef}>
      <h3>{t.result}</h3>
      <Outcome result={result} stepName={stepName} />
      <h4>{t.path}</h4>
      <ol className="test-run-path">
        {result.path.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a loop can visit a step twice
          <li key={i}>
            <button type="button" className="path-step" onClick={() => onFocus(p.nodeId)}>
              <span className="path-index">{i + 1}</span>
              <span className="path-name">{stepName(p.nodeId)}</span>
              <span className="path-time muted small">{formatDateTime(p.at)}</span>
            </button>
          </li>
        ))}
      </ol>
      <h4>{t.effects}</h4>
      {effects.length === 0 ? <p className="muted small">{t.noEffects}</p> : null}
      <ul className="test-run-effects">
        {effects.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: effects have no id of their own here
          <li key={i} data-effect-type={e.type}>
            <span>{t.effect[e.type]?.(e.details) ?? e.type}</span>
            <span className="muted small">{formatDateTime(e.at)}</span>
          </li>
        ))}
      </ul>
      <p className="test-run-note">{t.nothingSent}</p>
    </div>
  );
}
