import { Link } from "react-router-dom";
import { EmptyState } from "../ui/EmptyState.tsx";
import { AlertIcon } from "../ui/Icons.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { pageStrings } from "./strings.ts";

const t = pageStrings.notFound;

export function NotFoundPage() {
  return (
    <>
      <PageHeader title={t.title} />
      <EmptyState icon={<AlertIcon size={28} />} title={t.heading}>
        <p>
          {t.before} <Link to="/journeys">{t.link}</Link> {t.after}
        </p>
      </EmptyState>
    </>
  );
}
