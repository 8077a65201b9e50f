import { Link } from "react-router-dom";
import { EmptyState } from "../ui/EmptyState.tsx";
import { ContactsIcon } from "../ui/Icons.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export function ContactsPage() {
  return (
    <>
      <PageHeader
        title="Contacts"
        description="Everyone your workspace knows about: leads, customers and visitors."
      />
      <EmptyState icon={<ContactsIcon size={28} />} title="No contacts yet">
        <p>
          Contacts appear here when your website or app identifies people or sends events to{" "}
          <code>/v1</code>, and when leads arrive from forms and messengers. Each one shows its
          events, funnel stages and journeys.
        </p>
        <p>
          To start, <Link to="/settings">create a write key</Link> and add it to your site's
          tracking code.
        </p>
      </EmptyState>
    </>
  );
}
