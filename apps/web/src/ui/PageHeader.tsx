import type { ReactNode } from "react";
import { useDocumentTitle } from "./use-document-title.ts";

interface Props {
  title: string;
  description?: ReactNode;
}

/** The page's one `<h1>`, with an optional line under it; also sets the document title. */
export function PageHeader({ title, description }: Props) {
  useDocumentTitle(title);
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {description ? <p className="muted">{description}</p> : null}
    </header>
  );
}
