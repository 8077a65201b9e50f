import { EmptyState } from "../ui/EmptyState.tsx";
import { AnalyticsIcon } from "../ui/Icons.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export function AnalyticsPage() {
  return (
    <>
      <PageHeader title="Analytics" description="The numbers to decide with." />
      <EmptyState icon={<AnalyticsIcon size={28} />} title="Nothing to measure yet">
        <p>
          Once contacts, funnels and journeys are in place, this page shows conversion per stage and
          where contacts stall, lost reasons, leads and cost per channel, revenue figures and how
          each journey performs.
        </p>
        <p>Reports arrive in an upcoming release, built on the events your workspace collects.</p>
      </EmptyState>
    </>
  );
}
