import type { ContactSummary } from "@voronka/contract";
import { useEffect, useState } from "react";
import { api } from "../api/endpoints.ts";
import { testRunStrings as t } from "./strings.ts";

/** How a contact is named in the test run: name, email, phone or id, the first one known. */
export function contactName(c: ContactSummary): string {
  return (
    c.name || [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email || c.phone || c.id
  );
}

/** Finds an existing contact by name, email or phone. */
export function ContactSearch({ onPick }: { onPick(contact: ContactSummary): void }) {
  const [q, setQ] = useState("");
  const [found, setFound] = useState<ContactSummary[] | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.listContacts({ q: q.trim() || undefined, limit: 5 }).then(
        (list) => current && setFound(list.data),
        () => current && setFound([]),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <div className="field">
      <label htmlFor="test-run-search">{t.search}</label>
      <input
        id="test-run-search"
        className="input"
        value={q}
        placeholder={t.searchPlaceholder}
        onChange={(e) => setQ(e.target.value)}
      />
      {found && found.length === 0 ? <p className="muted small">{t.noMatches}</p> : null}
      {found && found.length > 0 ? (
        <ul className="test-run-matches">
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" className="test-run-match" onClick={() => onPick(c)}>
                <strong>{contactName(c)}</strong>
                {c.email && c.email !== contactName(c) ? (
                  <span className="muted small">{c.email}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
