import { Link } from "react-router-dom";
import { EmptyState } from "../ui/EmptyState.tsx";
import { AlertIcon } from "../ui/Icons.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState icon={<AlertIcon size={28} />} title="There's nothing at this address">
        <p>
          The link may be old or mistyped. <Link to="/journeys">Go to Journeys</Link> or pick a
          section on the left.
        </p>
      </EmptyState>
    </>
  );
}
