import { testRunStrings as t } from "./strings.ts";

/** One "field = value" row a marketer typed. */
export type Pair = { key: string; value: string };

/** "150" → 150, "true" → true: what a marketer types is read the way they mean it. */
export function typed(value: string): string | number | boolean {
  const v = value.trim();
  if (v === "true") return true;
  if (v === "false") return false;
  return v !== "" && Number.isFinite(Number(v)) ? Number(v) : value;
}

export function toRecord(pairs: readonly Pair[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const p of pairs) if (p.key.trim()) out[p.key.trim()] = typed(p.value);
  return out;
}

/** Key = value rows, for contact fields and event details. */
export function PairRows({
  pairs,
  onChange,
  addLabel,
  testId,
}: {
  pairs: Pair[];
  onChange(pairs: Pair[]): void;
  addLabel: string;
  testId: string;
}) {
  return (
    <div className="pair-rows" data-testid={testId}>
      {pairs.map((p, i) => (
        // Rows have no identity beyond their place; they are edited in place.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className="pair-row" key={i}>
          <input
            className="input"
            aria-label={`${t.field} ${i + 1}`}
            placeholder={t.field}
            value={p.key}
            onChange={(e) =>
              onChange(pairs.map((q, j) => (j === i ? { ...q, key: e.target.value } : q)))
            }
          />
          <span className="muted">=</span>
          <input
            className="input"
            aria-label={`${t.value} ${i + 1}`}
            placeholder={t.value}
            value={p.value}
            onChange={(e) =>
              onChange(pairs.map((q, j) => (j === i ? { ...q, value: e.target.value } : q)))
            }
          />
          <button
            type="button"
            className="button button-small button-ghost"
            aria-label={`${t.remove} ${i + 1}`}
            onClick={() => onChange(pairs.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-small button-ghost"
        onClick={() => onChange([...pairs, { key: "", value: "" }])}
      >
        {addLabel}
      </button>
    </div>
  );
}
