import type { Violation } from "@voronka/journey";
import { editorStrings as t } from "./strings.ts";
import { violationText } from "./violation-text.ts";

interface Props {
  violations: readonly Violation[];
  /** The label of a node, for "Send email: …" lines. */
  nodeLabel(nodeId: string): string | null;
  onFocus(violation: Violation): void;
}

/** Everything that stops publishing; a click selects and shows the step concerned. */
export function ProblemList({ violations, nodeLabel, onFocus }: Props) {
  return (
    <section className="problems" aria-label={t.problems}>
      <h2 className="panel-title">
        {t.problems}
        {violations.length > 0 ? (
          <span className="badge badge-danger">{violations.length}</span>
        ) : null}
      </h2>
      {violations.length === 0 ? (
        <p className="problems-ok">{t.noProblems}</p>
      ) : (
        <ul className="problem-list">
          {violations.map((v, i) => {
            const where = (v.nodeId && nodeLabel(v.nodeId)) || t.journeyProblem;
            return (
              // Violations have no id; the list is rebuilt as a whole on every change.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i}>
                <button type="button" className="problem" onClick={() => onFocus(v)}>
                  <span className="problem-where">{where}</span>
                  <span className="problem-message">{violationText(v)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
