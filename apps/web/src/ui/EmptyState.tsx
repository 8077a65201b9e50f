import type { ReactNode } from "react";

interface Props {
  icon: ReactNode;
  title: string;
  children: ReactNode;
}

/** A calm, centred panel saying what a screen will hold and what to do next. */
export function EmptyState({ icon, title, children }: Props) {
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <div className="empty-state-icon">{icon}</div>
      <h2 id="empty-state-title">{title}</h2>
      <div className="empty-state-body">{children}</div>
    </section>
  );
}
