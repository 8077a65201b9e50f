import type { EmailPartial } from "@voronka/contract";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError, errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { blockStrings as t } from "./block-strings.ts";
import { SaveBadge, SourcePane } from "./EditorParts.tsx";
import { emailApi } from "./email-api.ts";
import { includeLine } from "./SharedBlocks.tsx";
import { type DraftIssues, type SaveStatus, toIssues } from "./use-autosave.ts";
import "../styles/templates.css";

const backTo = "/templates?tab=blocks";

/** `/templates/blocks/:name`: finds the shared block among the workspace's, then the editor. */
export function BlockEditorPage() {
  const { name = "" } = useParams();
  const { state, reload } = useQuery(emailApi.partials, [name]);
  if (state.status === "loading") return <Loading label={t.loadingBlock} />;
  const block = state.status === "success" ? state.data.data.find((p) => p.name === name) : null;
  if (!block) {
    return (
      <>
        <Link to={backTo} className="back-link">
          {t.back}
        </Link>
        {state.status === "error" ? (
          <LoadError error={state.error} onRetry={reload} />
        ) : (
          <div className="alert alert-error" role="alert">
            {t.notFound(name)}
          </div>
        )}
      </>
    );
  }
  return <BlockEditor key={block.name} block={block} />;
}

const noIssues: DraftIssues = { mjml: [], other: [] };

/**
 * Saved on request rather than as you type: every save is a new version that all templates
 * including the block pick up, so a half-typed footer should not reach them.
 */
function BlockEditor({ block }: { block: EmailPartial }) {
  const [mjml, setMjml] = useState(block.mjml);
  const [savedMjml, setSavedMjml] = useState(block.mjml);
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", version: block.version });
  const [issues, setIssues] = useState<DraftIssues>(noIssues);
  useDocumentTitle(block.name);

  async function save() {
    const sent = mjml;
    setStatus({ kind: "saving" });
    try {
      const saved = await emailApi.savePartial(block.name, sent);
      setSavedMjml(sent);
      setIssues(noIssues);
      setStatus({ kind: "saved", version: saved.version });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "validation_failed") {
        setIssues(toIssues(caught));
        setStatus({ kind: "invalid" });
      } else {
        setStatus({ kind: "failed", message: errorMessage(caught) });
      }
    }
  }

  const problems = [
    ...issues.mjml.map((i) => (i.line === null ? i.message : t.lineError(i.line, i.message))),
    ...issues.other,
  ];
  const unchanged = mjml === savedMjml;

  return (
    <div className="template-editor">
      <header className="template-editor-header">
        <Link to={backTo} className="back-link">
          {t.back}
        </Link>
        <h1 className="block-title">{block.name}</h1>
        <SaveBadge status={status} labels={{ ...t, invalid: t.notSaved }} />
        <button
          type="button"
          className="button button-primary"
          onClick={() => void save()}
          disabled={status.kind === "saving" || (unchanged && status.kind === "saved")}
        >
          {status.kind === "saving" ? t.saving : t.save}
        </button>
      </header>

      <div className="template-panes block-panes">
        <SourcePane
          initial={block.mjml}
          issues={issues.mjml}
          problems={problems}
          labels={t}
          onChange={(next) => {
            setMjml(next);
            setStatus((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
          }}
        />
        <aside className="card block-help" aria-label={t.howTitle}>
          <h2>{t.howTitle}</h2>
          <p>{t.howInclude}</p>
          <p>
            <code className="include-line">{includeLine(block.name)}</code>
          </p>
          <p className="muted">{t.howStyle}</p>
          <p className="muted">{t.howVersions}</p>
        </aside>
      </div>
    </div>
  );
}
