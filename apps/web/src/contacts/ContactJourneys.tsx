import type { ContactJourney, ContactJourneyStatus } from "@voronka/contract";
import { Link } from "react-router-dom";
import { useQuery } from "../api/use-query.ts";
import { stepLabel } from "../journeys/step-text.ts";
import { formatDate, formatDateTime, formatRelative } from "../ui/format.ts";
import { LoadError } from "../ui/LoadError.tsx";
import { contactJourneys } from "./journeys-api.ts";
import { journeyPanelStrings as t } from "./journeys-strings.ts";

const statusBadge: Record<ContactJourneyStatus, string> = {
  active: "badge-secret",
  waiting: "badge-secret",
  completed: "badge-neutral",
  converted: "badge-success",
  exited: "badge-neutral",
};

/** The contact card's panel of journey runs: which journey, which step, what happens next. */
export function ContactJourneys({ contactId }: { contactId: string }) {
  const { state, reload } = useQuery(() => contactJourneys(contactId), [contactId]);
  return (
    <section className="card" aria-labelledby="journeys-heading">
      <div className="card-header">
        <h2 id="journeys-heading">{t.title}</h2>
        <p className="muted small">{t.hint}</p>
      </div>
      <div className="card-body">
        {state.status === "loading" ? <p className="muted small">{t.loading}</p> : null}
        {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
        {state.status === "success" && state.data.data.length === 0 ? (
          <div className="stack-sm">
            <p className="small">{t.empty}</p>
            <p className="muted small">{t.emptyNext}</p>
            <Link to="/contacts" className="small">
              {t.toContacts}
            </Link>
          </div>
        ) : null}
        {state.status === "success" && state.data.data.length > 0 ? (
          <ul className="plain-list">
            {state.data.data.map((run) => (
              <JourneyRun key={run.enrollmentId} run={run} />
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

function JourneyRun({ run }: { run: ContactJourney }) {
  const ended = run.endedAt !== null;
  const step = run.node ? stepLabel(run.node.type) : null;
  const details = [
    run.waitingFor ? t.waitsFor(run.waitingFor) : null,
    run.waitingUntil ? t.until(formatDateTime(run.waitingUntil)) : null,
    run.status === "exited" && run.exitReason ? t.reason(run.exitReason) : null,
  ].filter((d): d is string => d !== null);
  return (
    <li className="contact-stage contact-journey" data-status={run.status}>
      <div className="contact-stage-row">
        <Link
          to={`/journeys/${run.journeyId}`}
          className="table-strong"
          aria-label={t.openEditor(run.journeyName)}
        >
          {run.journeyName}
        </Link>
        <span className={`badge ${statusBadge[run.status]}`}>{t.status[run.status]}</span>
      </div>
      <div className="small">
        {step ? (ended ? t.endedAt(step) : t.atStep(step)) : t.notStarted}
        {details.length > 0 ? <span className="muted"> · {details.join(" · ")}</span> : null}
      </div>
      <div className="muted small">
        {t.version(run.version)} · {t.entered(formatDate(run.enteredAt))} ·{" "}
        <time dateTime={run.lastTransitionAt} title={formatDateTime(run.lastTransitionAt)}>
          {t.moved(formatRelative(run.lastTransitionAt))}
        </time>
      </div>
    </li>
  );
}
