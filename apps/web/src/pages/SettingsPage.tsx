import { ApiKeysSection } from "../settings/ApiKeysSection.tsx";
import { WorkspaceSection } from "../settings/WorkspaceSection.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Your workspace and the keys that connect to it." />
      <div className="stack-lg">
        <WorkspaceSection />
        <ApiKeysSection />
      </div>
    </>
  );
}
