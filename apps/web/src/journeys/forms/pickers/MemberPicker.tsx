import { useQuery } from "../../../api/use-query.ts";
import { workspaceApi } from "../../../settings/workspace-api.ts";
import { SelectField } from "../fields.tsx";
import { moreStrings as m } from "../more-form-strings.ts";

/**
 * The manager a notification is for, from the workspace's members; empty means nobody in
 * particular. A member list this user may not read leaves the choice out rather than failing
 * the whole form.
 */
export function MemberPicker({
  value,
  onChange,
}: {
  value: string;
  onChange(userId: string): void;
}) {
  const { state } = useQuery(workspaceApi.members);
  if (state.status === "error") return null;
  const members = state.status === "success" ? state.data.data : [];
  const options = members.map((u) => ({ value: u.userId, label: `${u.name} (${u.email})` }));
  if (value && state.status === "success" && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: m.notFound });
  }
  return (
    <>
      <SelectField
        label={m.assignee}
        value={value}
        placeholder={m.anyManager}
        options={options}
        onChange={onChange}
      />
      <span className="field-hint">{m.assigneeHint}</span>
    </>
  );
}
