import { ApiKeysSection } from "../settings/ApiKeysSection.tsx";
import { WorkspaceSection } from "../settings/WorkspaceSection.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { pageStrings } from "./strings.ts";

const t = pageStrings.settings;

export function SettingsPage() {
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <div className="stack-lg">
        <WorkspaceSection />
        <ApiKeysSection />
      </div>
    </>
  );
}
