import type { ReactNode } from "react";
import type { QueryState } from "../api/use-query.ts";
import { LoadError } from "../ui/LoadError.tsx";

interface Props<T> {
  /** Names the heading (`<id>-heading`) and, where given, is the anchor a link can scroll to. */
  id: string;
  anchor?: boolean;
  title: string;
  hint?: string;
  loadingLabel: string;
  state: QueryState<T>;
  reload(): void;
  /** Shown above the loaded content whatever the state (help text, a one-time notice). */
  before?: ReactNode;
  children(data: T): ReactNode;
}

/**
 * One settings card: a titled section that loads its data, says so while it loads, offers to
 * try again when the load fails, and then shows its form.
 */
export function SettingsCard<T>(props: Props<T>) {
  const { id, anchor, title, hint, loadingLabel, state, reload, before, children } = props;
  return (
    <section id={anchor ? id : undefined} className="card" aria-labelledby={`${id}-heading`}>
      <div className="card-header">
        <h2 id={`${id}-heading`}>{title}</h2>
        {hint ? <p className="muted">{hint}</p> : null}
      </div>
      <div className="card-body stack">
        {before}
        {state.status === "loading" ? <p className="muted">{loadingLabel}</p> : null}
        {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
        {state.status === "success" ? children(state.data) : null}
      </div>
    </section>
  );
}
