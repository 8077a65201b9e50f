import { Link } from "react-router-dom";
import { EmptyState } from "../ui/EmptyState.tsx";
import { JourneysIcon } from "../ui/Icons.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export function JourneysPage() {
  return (
    <>
      <PageHeader
        title="Journeys"
        description="Automated paths your contacts walk through, drawn on a canvas."
      />
      <EmptyState icon={<JourneysIcon size={28} />} title="No journeys yet">
        <p>
          A journey starts from a trigger — an event, a new lead, a funnel stage — and moves each
          contact through waits, conditions, emails and ads. The journey builder arrives in an
          upcoming release.
        </p>
        <p>
          To get ready, <Link to="/settings">create a write key</Link> and send events from your
          website or app; journeys will react to them.
        </p>
      </EmptyState>
    </>
  );
}
