import type { ReactNode } from "react";
import { useDocumentTitle } from "./use-document-title.ts";

interface Props {
  title: string;
  description?: ReactNode;
  /** Buttons or links shown at the right of the title. */
  actions?: ReactNode;
  /** A line above the title, such as a link back to the list. */
  back?: ReactNode;
}

/** The page's one `<h1>`, with an optional line under it; also sets the document title. */
export function PageHeader({ title, description, actions, back }: Props) {
  useDocumentTitle(title);
  return (
    <header className="page-header">
      {back ? <div className="page-header-back">{back}</div> : null}
      <div className="page-header-row">
        <div className="page-header-text">
          <h1>{title}</h1>
          {description ? <p className="muted">{description}</p> : null}
        </div>
        {actions ? <div className="page-header-actions">{actions}</div> : null}
      </div>
    </header>
  );
}
