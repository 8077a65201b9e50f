import { useQuery } from "../../../api/use-query.ts";
import { emailApi } from "../../../templates/email-api.ts";
import { LoadError } from "../../../ui/LoadError.tsx";
import { SelectField } from "../fields.tsx";
import { formStrings as f } from "../form-strings.ts";

/**
 * The workspace's email templates by name. A step names its template by slug when it has one
 * (as journey files and kits do) and by id otherwise; the engine accepts both.
 */
export function TemplatePicker({
  value,
  onChange,
}: {
  value: string;
  onChange(templateId: string): void;
}) {
  const { state, reload } = useQuery(emailApi.listTemplates);
  if (state.status === "error") return <LoadError error={state.error} onRetry={reload} />;
  const templates = state.status === "success" ? state.data.data : [];
  const options = templates.map((tpl) => ({ value: tpl.slug ?? tpl.id, label: tpl.name }));
  const known = options.some((o) => o.value === value);
  // A template named by a kit but not in this workspace (yet) stays visible, marked as such.
  if (value && !known && state.status === "success") {
    options.unshift({ value, label: f.templateMissing(value) });
  }
  const chosen = templates.find((tpl) => tpl.slug === value || tpl.id === value);
  return (
    <div className="template-picker">
      <SelectField
        label={f.template}
        value={value}
        placeholder={f.pickTemplate}
        options={options}
        onChange={onChange}
      />
      {state.status === "success" && templates.length === 0 ? (
        <p className="muted small">{f.noTemplates}</p>
      ) : chosen ? (
        <a
          className="template-picker-link"
          href={`/templates/${chosen.id}`}
          target="_blank"
          rel="noreferrer"
        >
          {f.openTemplate}
        </a>
      ) : (
        <span className="field-hint">{f.templateHint}</span>
      )}
    </div>
  );
}
