import { EmptyState } from "../ui/EmptyState.tsx";
import { AnalyticsIcon } from "../ui/Icons.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { pageStrings } from "./strings.ts";

const t = pageStrings.analytics;

export function AnalyticsPage() {
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <EmptyState icon={<AnalyticsIcon size={28} />} title={t.emptyTitle}>
        <p>{t.body1}</p>
        <p>{t.body2}</p>
      </EmptyState>
    </>
  );
}
