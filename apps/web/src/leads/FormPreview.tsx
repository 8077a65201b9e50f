import type { FormField } from "@voronka/contract";
import { SITE_TEXT } from "./form-fields.ts";
import { leadStrings as t } from "./strings.ts";

interface Props {
  fields: FormField[];
  labels: Record<FormField, string>;
  title: string;
  buttonText: string;
  thankYouText: string;
}

/**
 * The form as the embed script draws it — heading, labelled fields, button — and the message
 * that replaces it once sent. Inert: nothing here is submitted.
 */
export function FormPreview({ fields, labels, title, buttonText, thankYouText }: Props) {
  return (
    <div className="lead-preview">
      <div className="lead-preview-site">
        <div className="lead-preview-form" inert>
          {title ? <h3 className="lead-preview-title">{title}</h3> : null}
          {fields.map((field) => (
            <div key={field} className="lead-preview-field">
              <span>{labels[field].trim() || SITE_TEXT.labels[field]}</span>
              {field === "message" ? (
                <span className="lead-preview-area" />
              ) : (
                <span className="lead-preview-input" />
              )}
            </div>
          ))}
          <span className="lead-preview-button">{buttonText || SITE_TEXT.button}</span>
        </div>
      </div>
      <p className="lead-preview-caption muted small">{t.previewThanks}</p>
      <div className="lead-preview-site">
        <p className="lead-preview-thanks">{thankYouText || SITE_TEXT.thanks}</p>
      </div>
    </div>
  );
}
