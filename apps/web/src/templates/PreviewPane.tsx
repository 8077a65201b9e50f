import type { ContactSummary } from "@voronka/contract";
import { useEffect, useState } from "react";
import { api } from "../api/endpoints.ts";
import { contactName } from "../contacts/labels.ts";
import { LoadError } from "../ui/LoadError.tsx";
import { emailApi, type RenderedPreview } from "./email-api.ts";
import { templateStrings as t } from "./strings.ts";

interface Props {
  templateId: string;
  /** The saved version shown; a new one re-renders the preview. */
  version: number;
  contactId: string | null;
  onContactChange(contactId: string | null): void;
}

type Width = "desktop" | "mobile";

/** The saved version rendered by the server for a chosen contact, at desktop or phone width. */
export function PreviewPane({ templateId, version, contactId, onContactChange }: Props) {
  const [width, setWidth] = useState<Width>("desktop");
  const [contacts, setContacts] = useState<ContactSummary[] | null>(null);
  const [search, setSearch] = useState("");
  const [rendered, setRendered] = useState<RenderedPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: picks the first contact only on the first load.
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      api.listContacts({ q: search.trim(), limit: 50 }).then(
        (list) => {
          if (!current) return;
          setContacts(list.data);
          if (!contactId && list.data[0]) onContactChange(list.data[0].id);
        },
        (caught: unknown) => current && setError(caught),
      );
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [search]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new saved version must re-render the preview.
  useEffect(() => {
    if (!contactId) return;
    let current = true;
    setBusy(true);
    emailApi.preview(templateId, contactId).then(
      (result) => {
        if (!current) return;
        setRendered(result);
        setError(null);
        setBusy(false);
      },
      (caught: unknown) => {
        if (!current) return;
        setError(caught);
        setBusy(false);
      },
    );
    return () => {
      current = false;
    };
  }, [templateId, version, contactId]);

  const chosen = contacts?.find((c) => c.id === contactId);

  return (
    <section className="preview-pane" aria-label={t.preview}>
      <div className="preview-toolbar">
        <div className="segmented">
          {(["desktop", "mobile"] as const).map((w) => (
            <button
              key={w}
              type="button"
              aria-pressed={width === w}
              className={width === w ? "segmented-item is-active" : "segmented-item"}
              onClick={() => setWidth(w)}
            >
              {w === "desktop" ? t.desktop : t.mobile}
            </button>
          ))}
        </div>
        <div className="preview-contact">
          <label htmlFor="preview-contact">{t.previewAs}</label>
          <input
            className="input input-small"
            type="search"
            placeholder={t.searchContacts}
            aria-label={t.searchContacts}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <select
            id="preview-contact"
            className="input select input-small"
            value={contactId ?? ""}
            onChange={(e) => onContactChange(e.target.value || null)}
          >
            {!chosen && contactId ? <option value={contactId}>…</option> : null}
            {contacts?.length === 0 && !contactId ? (
              <option value="">{t.pickContact}</option>
            ) : null}
            {contacts?.map((c) => (
              <option key={c.id} value={c.id}>
                {contactName(c)}
                {c.email && contactName(c) !== c.email ? ` · ${c.email}` : ""}
              </option>
            ))}
          </select>
        </div>
      </div>

      {rendered ? (
        <div className="preview-envelope">
          <span className="muted small">{t.subjectLine}</span>{" "}
          <strong data-testid="preview-subject">{rendered.subject}</strong>
          {rendered.preheader ? <span className="muted"> — {rendered.preheader}</span> : null}
        </div>
      ) : null}

      <div className="preview-stage">
        {error ? <LoadError error={error} /> : null}
        {contacts?.length === 0 && !contactId && !search ? (
          <p className="preview-empty muted">{t.noContacts}</p>
        ) : null}
        {rendered ? (
          <iframe
            title={t.previewFrame}
            className={`preview-frame preview-frame-${width}`}
            sandbox=""
            srcDoc={rendered.html}
          />
        ) : null}
        {busy ? <span className="preview-busy small muted">{t.previewLoading}</span> : null}
      </div>
    </section>
  );
}
