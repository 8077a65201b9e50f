import type { EmailTemplate } from "@voronka/contract";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { SaveBadge, SourcePane } from "./EditorParts.tsx";
import { emailApi } from "./email-api.ts";
import { PreviewPane } from "./PreviewPane.tsx";
import { templateStrings as t } from "./strings.ts";
import { TestSendForm } from "./TestSendForm.tsx";
import { useAutosave } from "./use-autosave.ts";
import "../styles/templates.css";

/** `/templates/:templateId`: loads the template, then the editor. */
export function TemplateEditorPage() {
  const { templateId = "" } = useParams();
  const { state, reload } = useQuery(() => emailApi.template(templateId), [templateId]);
  if (state.status === "loading") return <Loading label={t.loadingTemplate} />;
  if (state.status === "error") {
    return (
      <>
        <Link to="/templates" className="back-link">
          {t.back}
        </Link>
        <LoadError error={state.error} onRetry={reload} />
      </>
    );
  }
  return <TemplateEditor key={state.data.id} template={state.data} />;
}

function TemplateEditor({ template }: { template: EmailTemplate }) {
  const { draft, update, status, issues } = useAutosave(template);
  const [contactId, setContactId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [version, setVersion] = useState(template.version);
  useDocumentTitle(draft.name || t.title);

  if (status.kind === "saved" && status.version !== version) setVersion(status.version);

  const otherIssues = issues.other.map((message) =>
    message.replace(/^subject: /, `${t.subject}: `).replace(/^preheader: /, `${t.preheader}: `),
  );
  const problems = [
    ...issues.mjml.map((i) => (i.line === null ? i.message : t.lineError(i.line, i.message))),
    ...otherIssues,
  ];

  return (
    <div className="template-editor">
      <header className="template-editor-header">
        <Link to="/templates" className="back-link">
          {t.back}
        </Link>
        <input
          className="input template-name"
          aria-label={t.name}
          value={draft.name}
          maxLength={200}
          onChange={(e) => update({ name: e.target.value })}
        />
        <SaveBadge
          status={status}
          labels={{ ...t, invalid: t.hasErrors(Math.max(problems.length, 1)) }}
        />
        <button
          type="button"
          className="button button-small button-danger-ghost"
          onClick={() => setDeleting(true)}
        >
          {t.delete}
        </button>
      </header>

      <div className="template-meta">
        <div className="field">
          <label htmlFor="template-subject">{t.subject}</label>
          <input
            id="template-subject"
            className="input"
            value={draft.subject}
            maxLength={500}
            onChange={(e) => update({ subject: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="template-preheader">{t.preheader}</label>
          <input
            id="template-preheader"
            className="input"
            value={draft.preheader}
            maxLength={500}
            placeholder={t.preheaderHint}
            onChange={(e) => update({ preheader: e.target.value })}
          />
        </div>
      </div>

      <div className="template-panes">
        <SourcePane
          initial={template.mjml}
          issues={issues.mjml}
          problems={problems}
          labels={t}
          onChange={(mjml) => update({ mjml })}
        />
        <div className="preview-column">
          <PreviewPane
            templateId={template.id}
            version={version}
            contactId={contactId}
            onContactChange={setContactId}
          />
          <TestSendForm
            templateId={template.id}
            contactId={contactId}
            disabled={status.kind !== "saved"}
          />
        </div>
      </div>

      {deleting ? (
        <DeleteDialog template={template} name={draft.name} onClose={() => setDeleting(false)} />
      ) : null}
    </div>
  );
}

function DeleteDialog({
  template,
  name,
  onClose,
}: {
  template: EmailTemplate;
  name: string;
  onClose(): void;
}) {
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleDelete() {
    setPending(true);
    try {
      await emailApi.deleteTemplate(template.id);
      navigate("/templates", { replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  }

  return (
    <Dialog title={t.deleteTitle(name)} onClose={onClose} busy={pending}>
      <p className="muted">{t.deleteBody}</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={pending}>
          {t.cancel}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={handleDelete}
          disabled={pending}
        >
          {pending ? t.deleting : t.delete}
        </button>
      </div>
    </Dialog>
  );
}
