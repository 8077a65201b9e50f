import { EmptyState } from "../ui/EmptyState.tsx";
import { TemplatesIcon } from "../ui/Icons.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export function TemplatesPage() {
  return (
    <>
      <PageHeader title="Templates" description="The emails your journeys send." />
      <EmptyState icon={<TemplatesIcon size={28} />} title="No email templates yet">
        <p>
          Templates are responsive emails with personal fields such as the contact's name, ready to
          drop into a journey's “send email” step. Each send gets its own tracking and unsubscribe
          links.
        </p>
        <p>The template editor arrives in an upcoming release; nothing to do here yet.</p>
      </EmptyState>
    </>
  );
}
