import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { formatDate } from "../ui/format.ts";
import { SettingsCard } from "./SettingsCard.tsx";
import { keyStrings as t } from "./strings.ts";

/** The workspace's name, id and age. */
export function WorkspaceSection() {
  const { state, reload } = useQuery(api.workspace);

  return (
    <SettingsCard
      id="workspace"
      title={t.workspace}
      loadingLabel={t.loadingWorkspace}
      state={state}
      reload={reload}
    >
      {(workspace) => (
        <dl className="details">
          <div>
            <dt>{t.workspaceName}</dt>
            <dd>{workspace.name}</dd>
          </div>
          <div>
            <dt>{t.workspaceId}</dt>
            <dd>
              <code>{workspace.id}</code>
            </dd>
          </div>
          <div>
            <dt>{t.created}</dt>
            <dd>{formatDate(workspace.createdAt)}</dd>
          </div>
        </dl>
      )}
    </SettingsCard>
  );
}
