import { EmptyState } from "../ui/EmptyState.tsx";
import { FunnelsIcon } from "../ui/Icons.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export function FunnelsPage() {
  return (
    <>
      <PageHeader
        title="Funnels"
        description="Your sales pipelines, stage by stage, with every move recorded."
      />
      <EmptyState icon={<FunnelsIcon size={28} />} title="No funnels yet">
        <p>
          A funnel is an ordered list of stages — for example first contact, offer sent,
          presentation, contract, payment — with “lost” possible at any stage and the reason kept.
          Contacts move forward as they take the target action.
        </p>
        <p>Setting up funnels arrives in an upcoming release; nothing to do here yet.</p>
      </EmptyState>
    </>
  );
}
