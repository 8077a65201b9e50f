import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "../api/client.ts";

export type SaveState =
  | { status: "saved" }
  | { status: "pending" }
  | { status: "saving" }
  | { status: "error"; message: string };

/**
 * Saves `value` (a JSON string) `delay` ms after it last changed, one save at a time. `flush`
 * saves at once and resolves when the latest value is stored — publish waits on it.
 */
export function useAutosave(
  value: string,
  save: (value: string) => Promise<void>,
  { delay = 700, enabled = true } = {},
) {
  const [state, setState] = useState<SaveState>({ status: "saved" });
  const saved = useRef(value);
  const latest = useRef(value);
  const saveRef = useRef(save);
  const running = useRef<Promise<void> | null>(null);
  latest.current = value;
  saveRef.current = save;

  const flush = useCallback(async (): Promise<boolean> => {
    // A save may already be on its way; wait for it, then store whatever changed since.
    while (running.current) await running.current.catch(() => undefined);
    const next = latest.current;
    if (next === saved.current) return true;
    setState({ status: "saving" });
    const attempt = saveRef.current(next);
    running.current = attempt;
    try {
      await attempt;
      saved.current = next;
      setState(latest.current === next ? { status: "saved" } : { status: "pending" });
      return true;
    } catch (error) {
      setState({ status: "error", message: errorMessage(error) });
      return false;
    } finally {
      running.current = null;
    }
  }, []);

  useEffect(() => {
    if (!enabled || value === saved.current) return;
    setState({ status: "pending" });
    const timer = setTimeout(() => void flush(), delay);
    return () => clearTimeout(timer);
  }, [value, delay, enabled, flush]);

  return { state, flush };
}
