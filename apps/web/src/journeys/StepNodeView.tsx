import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import { conversionRate } from "./branch-stat.ts";
import { useEditorView } from "./editor-context.ts";
import { catalogueEntry, type StepNode, stepOutputs } from "./graph.ts";
import { stepSummary } from "./step-summary.ts";
import { handleLabel, stepLabel } from "./step-text.ts";
import { nodeStrings as t } from "./strings.ts";
import { violationText } from "./violation-text.ts";

const groupClass = { Triggers: "step-trigger", Flow: "step-flow", Actions: "step-action" };

/** One journey step on the canvas: title, a line of its settings, problems, labelled outputs. */
export const StepNodeView = memo(function StepNodeView({
  id,
  type,
  data,
  selected,
}: NodeProps<StepNode>) {
  const { violationsByNode, counts, branches, trace } = useEditorView();
  const entry = catalogueEntry(type);
  const outputs = stepOutputs(type, data);
  const problems = violationsByNode.get(id) ?? [];
  const summary = stepSummary(type, data);
  const count = counts?.get(id);
  const isTrigger = entry?.group === "Triggers";
  const order = trace?.get(id);
  // A split's arms carry their own live numbers, beside the output each arm leaves by.
  const arms = type === "split" ? branches?.get(id) : undefined;
  const classes = [
    "step",
    entry ? groupClass[entry.group] : "",
    selected ? "step-selected" : "",
    problems.length ? "step-invalid" : "",
    order ? "step-traced" : "",
    trace && !order ? "step-untraced" : "",
  ];

  return (
    <div className={classes.filter(Boolean).join(" ")} data-step-type={type}>
      {isTrigger ? null : <Handle type="target" position={Position.Left} className="step-in" />}
      <div className="step-kind">{t.kind[entry?.group ?? "Flow"]}</div>
      <div className="step-title">{stepLabel(type)}</div>
      {summary ? <div className="step-summary">{summary}</div> : null}
      {order ? (
        <div className="step-order" data-testid="step-order">
          {order}
        </div>
      ) : null}
      {problems.length > 0 ? (
        <div
          className="step-badge"
          role="img"
          aria-label={t.problems(problems.length)}
          title={problems.map(violationText).join("\n")}
        >
          {problems.length}
        </div>
      ) : null}
      {count ? (
        <div className="step-counts" data-testid="step-counts">
          <span>
            <strong>{count.entered}</strong> {t.entered}
          </span>
          {count.waiting ? (
            <span>
              <strong>{count.waiting}</strong> {t.waiting}
            </span>
          ) : null}
          {count.converted ? (
            <span>
              <strong>{count.converted}</strong> {t.converted}
            </span>
          ) : null}
        </div>
      ) : null}
      {outputs.length === 1 && outputs[0] && !arms ? (
        // A single output sits mid-right, where React Flow puts a handle by default.
        <Handle
          type="source"
          position={Position.Right}
          id={outputs[0].id}
          className="step-out-single"
          aria-label={t.output(handleLabel(outputs[0].id, outputs[0].label))}
        />
      ) : null}
      {arms ? <div className="branch-legend">{t.branchLegend}</div> : null}
      {outputs.length > 1 || arms ? (
        <div className="step-outputs">
          {outputs.map((handle) => {
            const stat = arms?.get(handle.id);
            return (
              <div key={handle.id} className="step-output" data-output={handle.id}>
                <span className="step-output-label">{handleLabel(handle.id, handle.label)}</span>
                {stat ? (
                  <span
                    className="branch-stat"
                    data-testid="branch-stat"
                    title={t.branchStat(stat.entered, stat.converted, conversionRate(stat))}
                  >
                    {stat.entered} · <strong>{conversionRate(stat)}</strong>
                  </span>
                ) : null}
                <Handle
                  type="source"
                  position={Position.Right}
                  id={handle.id}
                  className="step-out"
                  aria-label={t.output(handleLabel(handle.id, handle.label))}
                />
              </div>
            );
          })}
        </div>
      ) : null}
    </div>
  );
});
