import { useCallback, useEffect, useState } from "react";

export type QueryState<T> =
  | { status: "loading" }
  | { status: "error"; error: unknown }
  | { status: "success"; data: T };

/**
 * Loads data once on mount (and again on `reload` or when a value in `deps` changes), ignoring
 * answers that arrive after the component unmounted or after a newer load started.
 */
export function useQuery<T>(load: () => Promise<T>, deps: readonly unknown[] = []) {
  const [state, setState] = useState<QueryState<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is read once per generation on purpose; callers pass inline functions.
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ status: "success", data }),
      (error: unknown) => current && setState({ status: "error", error }),
    );
    return () => {
      current = false;
    };
  }, [generation, ...deps]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, setState, reload };
}
