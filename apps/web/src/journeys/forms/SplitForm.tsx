import { panelStrings as t } from "../strings.ts";
import { isObject, type StepFormProps } from "./fields.tsx";

interface Branch {
  id: string;
  name: string;
  weight: number;
}

/** A branch id not used yet: a, b, c… (ids are also the output handles edges leave from). */
function nextId(branches: readonly Branch[]): string {
  const taken = new Set(branches.map((b) => b.id));
  for (const letter of "abcdefghijklmnopqrstuvwxyz") if (!taken.has(letter)) return letter;
  return `branch-${branches.length + 1}`;
}

/** "A/B split": branch names and shares, with the total shown as you type. */
export function SplitForm({ data, onChange }: StepFormProps) {
  const branches: Branch[] = (Array.isArray(data.branches) ? data.branches : [])
    .filter(isObject)
    .map((b, i) => ({
      id: String(b.id ?? i),
      name: typeof b.name === "string" ? b.name : "",
      weight: typeof b.weight === "number" ? b.weight : 0,
    }));
  const holdout =
    isObject(data.holdout) && typeof data.holdout.weight === "number" ? data.holdout.weight : 0;
  const sum = branches.reduce((total, b) => total + b.weight, 0) + holdout;
  const set = (next: Branch[]) => onChange({ ...data, branches: next });

  return (
    <fieldset className="fieldset">
      <legend>{t.branches}</legend>
      <ul className="branch-list">
        {branches.map((branch, i) => (
          <li key={branch.id} className="branch-row">
            <input
              className="input"
              aria-label={t.branchName(i + 1)}
              value={branch.name}
              onChange={(e) =>
                set(branches.map((b) => (b.id === branch.id ? { ...b, name: e.target.value } : b)))
              }
            />
            <input
              className="input branch-weight"
              aria-label={t.branchWeight(i + 1)}
              inputMode="numeric"
              value={String(branch.weight)}
              onChange={(e) =>
                set(
                  branches.map((b) =>
                    b.id === branch.id ? { ...b, weight: Number(e.target.value) || 0 } : b,
                  ),
                )
              }
            />
            <span className="muted">%</span>
            <button
              type="button"
              className="button button-small button-ghost"
              disabled={branches.length <= 1}
              onClick={() => set(branches.filter((b) => b.id !== branch.id))}
            >
              {t.removeBranch}
            </button>
          </li>
        ))}
      </ul>
      <p className={sum === 100 ? "weight-sum" : "weight-sum weight-sum-bad"} aria-live="polite">
        {sum === 100 ? t.weightSum(sum) : t.weightSumBad(sum)}
      </p>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          const id = nextId(branches);
          set([...branches, { id, name: id.toUpperCase(), weight: 0 }]);
        }}
      >
        {t.addBranch}
      </button>
    </fieldset>
  );
}
