import type { Condition } from "@voronka/journey";
import { useEffect, useRef, useState } from "react";
import { SelectField } from "../fields.tsx";
import "./condition-builder.css";
import {
  blankRule,
  type Draft,
  fromCondition,
  type Match,
  type Missing,
  newKey,
  type RuleKind,
  type RuleRow,
  type SubGroup,
  toCondition,
} from "./model.ts";
import { RuleFields } from "./RuleFields.tsx";
import { StageRuleFields } from "./StageRuleFields.tsx";
import { conditionStrings as t } from "./strings.ts";

const ALL_KINDS: readonly RuleKind[] = [
  "attribute",
  "property",
  "event",
  "stage",
  "consent",
  "engagement",
];
const MATCH = (labels: Record<Match, string>) =>
  (["all", "any"] as const).map((value) => ({ value, label: labels[value] }));

export interface ConditionBuilderProps {
  /** The condition now (undefined: none yet). Not-quite-valid data is shown as far as it goes. */
  value: Condition | undefined;
  onChange(next: Condition | undefined): void;
  /** The title above the rules. */
  label: string;
  /** What a new rule starts as: event filters start on event properties. */
  defaultKind?: RuleKind;
  /** Shown when there are no rules. */
  emptyText?: string;
}

/**
 * Rules in plain words, "match all / any of these", with one level of sub-groups. Keeps its own
 * rows so half-typed input survives; writes the condition out on every change and takes a new
 * one in only when it did not come from here (undo, the JSON settings).
 */
export function ConditionBuilder({
  value,
  onChange,
  label,
  defaultKind = "attribute",
  emptyText = t.empty,
}: ConditionBuilderProps) {
  const [draft, setDraft] = useState<Draft>(() => fromCondition(value));
  const emitted = useRef(JSON.stringify(value ?? null));
  useEffect(() => {
    const incoming = JSON.stringify(value ?? null);
    if (incoming === emitted.current) return;
    emitted.current = incoming;
    setDraft(fromCondition(value));
  }, [value]);

  const update = (next: Draft) => {
    setDraft(next);
    const { condition } = toCondition(next);
    emitted.current = JSON.stringify(condition ?? null);
    onChange(condition);
  };
  const { missing } = toCondition(draft);
  const setItem = (key: string, item: RuleRow | SubGroup | null) =>
    update({
      ...draft,
      items: draft.items.flatMap((i) => (i.key !== key ? [i] : item ? [item] : [])),
    });

  return (
    <fieldset className="fieldset condition-builder">
      <legend>{label}</legend>
      {draft.items.length > 1 ? (
        <SelectField
          label={t.matchLabel}
          value={draft.match}
          options={MATCH(t.match)}
          onChange={(m) => update({ ...draft, match: m === "any" ? "any" : "all" })}
        />
      ) : null}
      {draft.items.length === 0 ? <p className="muted small cond-empty">{emptyText}</p> : null}
      <ol className="cond-list">
        {draft.items.map((item, i) => (
          <li key={item.key}>
            {item.kind === "group" ? (
              <GroupView
                group={item}
                title={t.group(i + 1)}
                missing={missing}
                defaultKind={defaultKind}
                onChange={(g) => setItem(item.key, g)}
              />
            ) : (
              <RuleView
                row={item}
                title={t.rule(i + 1)}
                missing={missing.get(item.key) ?? []}
                onChange={(r) => setItem(item.key, r)}
                onRemove={() => setItem(item.key, null)}
              />
            )}
          </li>
        ))}
      </ol>
      <div className="cond-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => update({ ...draft, items: [...draft.items, blankRule(defaultKind)] })}
        >
          {t.addRule}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            const group: SubGroup = {
              key: newKey(),
              kind: "group",
              match: "any",
              rules: [blankRule(defaultKind)],
            };
            update({ ...draft, items: [...draft.items, group] });
          }}
        >
          {t.addGroup}
        </button>
      </div>
    </fieldset>
  );
}

function GroupView({
  group,
  title,
  missing,
  defaultKind,
  onChange,
}: {
  group: SubGroup;
  title: string;
  missing: Missing;
  defaultKind: RuleKind;
  onChange(group: SubGroup | null): void;
}) {
  const setRule = (key: string, row: RuleRow | null) =>
    onChange({
      ...group,
      rules: group.rules.flatMap((r) => (r.key !== key ? [r] : row ? [row] : [])),
    });
  const own = missing.get(group.key) ?? [];
  return (
    <fieldset className="cond-group">
      <legend className="visually-hidden">{title}</legend>
      <div className="cond-head">
        <span className="cond-title" aria-hidden="true">
          {title}
        </span>
        <button
          type="button"
          className="button button-small button-ghost"
          onClick={() => onChange(null)}
        >
          {t.removeGroup}
        </button>
      </div>
      <SelectField
        label={t.matchLabel}
        value={group.match}
        options={MATCH(t.match)}
        onChange={(m) => onChange({ ...group, match: m === "all" ? "all" : "any" })}
      />
      <ol className="cond-list">
        {group.rules.map((row, i) => (
          <li key={row.key}>
            <RuleView
              row={row}
              title={`${title} · ${t.rule(i + 1)}`}
              missing={missing.get(row.key) ?? []}
              onChange={(r) => setRule(row.key, r)}
              onRemove={() => setRule(row.key, null)}
            />
          </li>
        ))}
      </ol>
      <MissingNote missing={own} />
      <button
        type="button"
        className="button button-small button-ghost cond-add-inner"
        onClick={() => onChange({ ...group, rules: [...group.rules, blankRule(defaultKind)] })}
      >
        {t.addToGroup}
      </button>
    </fieldset>
  );
}

function RuleView({
  row,
  title,
  missing,
  onChange,
  onRemove,
}: {
  row: RuleRow;
  title: string;
  missing: readonly string[];
  onChange(row: RuleRow): void;
  onRemove(): void;
}) {
  return (
    <fieldset className="cond-rule">
      <legend className="visually-hidden">{title}</legend>
      <div className="cond-head">
        <span className="cond-title" aria-hidden="true">
          {title}
        </span>
        <button
          type="button"
          className="button button-small button-ghost"
          aria-label={`${t.remove}: ${title}`}
          onClick={onRemove}
        >
          {t.remove}
        </button>
      </div>
      {row.kind === "kept" ? (
        <p className="muted small">{t.kept}</p>
      ) : (
        <SelectField
          label={t.kindLabel}
          value={row.kind}
          options={ALL_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
          onChange={(kind) => {
            const next = ALL_KINDS.find((k) => k === kind);
            if (next && next !== row.kind) onChange({ ...blankRule(next), key: row.key });
          }}
        />
      )}
      {row.kind === "stage" ? (
        <StageRuleFields row={row} onChange={onChange} />
      ) : (
        <RuleFields row={row} missing={missing} onChange={onChange} />
      )}
      <MissingNote missing={missing} />
    </fieldset>
  );
}

function MissingNote({ missing }: { missing: readonly string[] }) {
  if (missing.length === 0) return null;
  return (
    <p className="field-error cond-missing">
      {t.missingTitle} {missing.map((m) => t.missing[m] ?? m).join(", ")}
    </p>
  );
}
