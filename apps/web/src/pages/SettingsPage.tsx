import { AdAccountsSection } from "../settings/AdAccountsSection.tsx";
import { ApiKeysSection } from "../settings/ApiKeysSection.tsx";
import { ChannelsSection } from "../settings/ChannelsSection.tsx";
import { EmailSection } from "../settings/EmailSection.tsx";
import { MembersSection } from "../settings/MembersSection.tsx";
import { SendingRulesSection } from "../settings/SendingRulesSection.tsx";
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
        <MembersSection />
        <EmailSection />
        <ChannelsSection />
        <AdAccountsSection />
        <SendingRulesSection />
        <ApiKeysSection />
      </div>
    </>
  );
}
