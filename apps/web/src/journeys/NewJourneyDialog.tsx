import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { newJourneyStrings as t } from "./strings.ts";
import { JOURNEY_TEMPLATES } from "./templates.ts";

interface Props {
  onClose(): void;
}

/** Names a new journey and picks a blank canvas or a template, then opens the editor. */
export function NewJourneyDialog({ onClose }: Props) {
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [templateId, setTemplateId] = useState("blank");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const template = JOURNEY_TEMPLATES.find((tpl) => tpl.id === templateId);
    const chosen = name.trim() || template?.name || "";
    if (!chosen) {
      setError(t.needName);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const journey = await api.createJourney({
        name: chosen,
        ...(template ? { draft: template.draft } : {}),
      });
      navigate(`/journeys/${journey.id}`);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t.title} onClose={onClose} busy={busy}>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="journey-name">{t.name}</label>
          <input
            id="journey-name"
            className="input"
            value={name}
            placeholder={t.namePlaceholder}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error === t.needName}
            autoFocus
          />
        </div>
        <fieldset className="fieldset template-choices">
          <legend>{t.startFrom}</legend>
          {[{ id: "blank", name: t.blank, description: t.blankHint }, ...JOURNEY_TEMPLATES].map(
            (option) => (
              <label key={option.id} className="template-choice">
                <input
                  type="radio"
                  name="template"
                  value={option.id}
                  checked={templateId === option.id}
                  onChange={() => setTemplateId(option.id)}
                />
                <span>
                  <span className="template-choice-name">{option.name}</span>
                  <span className="muted small">{option.description}</span>
                </span>
              </label>
            ),
          )}
        </fieldset>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t.cancel}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t.creating : t.create}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
