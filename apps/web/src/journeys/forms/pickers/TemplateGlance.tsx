import { useEffect, useState } from "react";
import { api } from "../../../api/endpoints.ts";
import { useQuery } from "../../../api/use-query.ts";
import { contactName } from "../../../contacts/labels.ts";
import { emailApi, type RenderedPreview } from "../../../templates/email-api.ts";
import { moreStrings as m } from "../more-form-strings.ts";
import "../more-forms.css";

type Glance =
  | { kind: "rendered"; preview: RenderedPreview; who: string }
  | { kind: "subject"; subject: string };

/**
 * Loads what the chosen template looks like: rendered for the workspace's first contact when
 * there is one (the preview API renders for a contact), else just its subject.
 */
async function loadGlance(templateId: string): Promise<Glance> {
  const [template, contacts] = await Promise.all([
    emailApi.template(templateId),
    api.listContacts({ limit: 1 }),
  ]);
  const contact = contacts.data[0];
  if (!contact) return { kind: "subject", subject: template.subject };
  const preview = await emailApi.preview(template.id, contact.id);
  return { kind: "rendered", preview, who: contactName(contact) };
}

/**
 * A small look at the chosen email template: its subject (the step's own when it overrides it)
 * and a scaled-down render (the picker links to the template for the full one). Says nothing
 * while loading or when the template cannot be found (the picker says that already).
 */
export function TemplateGlance({ value, subject }: { value: string; subject: string }) {
  const { state } = useQuery(emailApi.listTemplates);
  const templates = state.status === "success" ? state.data.data : [];
  const chosen = templates.find((tpl) => tpl.slug === value || tpl.id === value);
  const [glance, setGlance] = useState<Glance | null>(null);
  const chosenId = chosen?.id ?? "";

  useEffect(() => {
    setGlance(null);
    if (!chosenId) return;
    let current = true;
    loadGlance(chosenId).then(
      (next) => current && setGlance(next),
      () => current && setGlance(null),
    );
    return () => {
      current = false;
    };
  }, [chosenId]);

  if (!chosen || !glance) return null;
  const shownSubject =
    subject || (glance.kind === "rendered" ? glance.preview.subject : glance.subject);
  return (
    <figure className="template-glance" data-testid="template-glance">
      <figcaption className="small">
        <strong>{m.subjectPreview(shownSubject)}</strong>
        {glance.kind === "rendered" ? (
          <span className="muted"> · {m.previewFor(glance.who)}</span>
        ) : null}
      </figcaption>
      {glance.kind === "rendered" ? (
        <div className="template-glance-frame">
          <iframe title={m.previewTitle} sandbox="" srcDoc={glance.preview.html} tabIndex={-1} />
        </div>
      ) : null}
    </figure>
  );
}
