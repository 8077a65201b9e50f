import { EventNameList } from "@voronka/contract";
import { useEffect, useId, useState } from "react";
import { request } from "../../../api/client.ts";
import { TextField } from "../fields.tsx";

/** How long the names stay fresh: events keep arriving while the editor is open. */
const FRESH_MS = 30_000;
let cache: { at: number; names: Promise<string[]> } | null = null;

/** The event names the workspace has received, fetched once for all pickers on the page. */
function loadEventNames(): Promise<string[]> {
  if (!cache || Date.now() - cache.at > FRESH_MS) {
    const names = request("GET", "/api/events/names", EventNameList).then(
      (list) => list.data.map((d) => d.name),
      // Suggestions are a help, not a must: without them the field is a plain text box.
      () => [],
    );
    cache = { at: Date.now(), names };
  }
  return cache.names;
}

/** The received event names, for a `<datalist>`. */
export function useEventNames(): readonly string[] {
  const [names, setNames] = useState<readonly string[]>([]);
  useEffect(() => {
    let current = true;
    loadEventNames().then((list) => current && setNames(list));
    return () => {
      current = false;
    };
  }, []);
  return names;
}

interface Props {
  label: string;
  value: unknown;
  onChange(value: string): void;
  hint?: string;
  placeholder?: string;
  invalid?: boolean;
}

/**
 * An event name: suggests the names this workspace has actually received, and still takes a
 * name it has not seen yet (a journey is often drawn before the website sends the event).
 */
export function EventNameField({ label, value, onChange, hint, placeholder, invalid }: Props) {
  const listId = useId();
  const names = useEventNames();
  return (
    <>
      <TextField
        label={label}
        value={value}
        hint={hint}
        placeholder={placeholder}
        invalid={invalid}
        list={listId}
        onChange={(text) => onChange(text.trimStart())}
      />
      <datalist id={listId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
