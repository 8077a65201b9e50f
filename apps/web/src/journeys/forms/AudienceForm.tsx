import { useQuery } from "../../api/use-query.ts";
import { audiencesApi } from "../../audiences/audiences-api.ts";
import { LoadError } from "../../ui/LoadError.tsx";
import { SelectField, type StepFormProps } from "./fields.tsx";
import { moreStrings as m } from "./more-form-strings.ts";

/** "Ad audience": one of the workspace's audiences, and whether to add or remove the contact. */
export function AudienceForm({ data, onChange }: StepFormProps) {
  const { state, reload } = useQuery(audiencesApi.list);
  const audienceId = typeof data.audienceId === "string" ? data.audienceId : "";
  const action = data.action === "remove" ? "remove" : "add";
  if (state.status === "error") return <LoadError error={state.error} onRetry={reload} />;
  const audiences = state.status === "success" ? state.data.data : [];
  const options = audiences.map((a) => ({ value: a.id, label: a.name }));
  // An audience from another workspace (a copied journey) or since archived stays visible.
  if (audienceId && state.status === "success" && !options.some((o) => o.value === audienceId)) {
    options.unshift({ value: audienceId, label: m.notFound });
  }
  return (
    <>
      <SelectField
        label={m.audienceAction}
        value={action}
        options={(["add", "remove"] as const).map((value) => ({
          value,
          label: m.audienceActions[value],
        }))}
        onChange={(next) => onChange({ ...data, action: next })}
      />
      {state.status === "success" && audiences.length === 0 ? (
        <p className="muted small">{m.noAudiences}</p>
      ) : (
        <SelectField
          label={m.audience}
          value={audienceId}
          placeholder={m.pickAudience}
          options={options}
          onChange={(next) => onChange({ ...data, action, audienceId: next })}
        />
      )}
    </>
  );
}
