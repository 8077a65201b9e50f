import type { LeadSource } from "@voronka/contract";
import { CopyField } from "./CopyField.tsx";
import { leadStrings as t } from "./strings.ts";

/** The code to paste into the customer's site, once the form is saved. */
export function EmbedPanel({ source }: { source: LeadSource | null }) {
  return (
    <section className="card lead-card" aria-labelledby="lead-embed-title">
      <div className="card-header">
        <h2 id="lead-embed-title">{t.embedTitle}</h2>
        <p className="muted small">{source?.embed ? t.embedHint : t.embedAfterSave}</p>
      </div>
      {source?.embed ? (
        <div className="card-body form">
          <CopyField label={t.embedLabel} value={source.embed.snippet} code />
          <details className="lead-plain-html">
            <summary>{t.plainHtml}</summary>
            <CopyField label={t.plainHtmlLabel} value={source.embed.htmlFormSnippet} code />
          </details>
        </div>
      ) : null}
    </section>
  );
}
