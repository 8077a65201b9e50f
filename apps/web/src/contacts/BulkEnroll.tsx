import { useState } from "react";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { bulkStrings as t } from "./bulk-strings.ts";

const POLL_MS = 500;

interface Props {
  selected: string[];
  /** Reports the outcome line under the bar. */
  onResult(line: string): void;
}

/** Enrolls the ticked contacts in a live journey: one bulk job, polled until it finishes. */
export function BulkEnroll({ selected, onResult }: Props) {
  const journeys = useQuery(api.listJourneys);
  const live =
    journeys.state.status === "success"
      ? journeys.state.data.data.filter((j) => j.status === "live")
      : [];
  const [journeyId, setJourneyId] = useState("");
  const [busy, setBusy] = useState(false);

  async function enroll() {
    const journey = live.find((j) => j.id === journeyId);
    if (!journey || selected.length === 0) return;
    setBusy(true);
    try {
      let job = await api.startBulkEnrollment(journey.id, selected);
      while (job.status === "queued" || job.status === "running") {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        job = await api.bulkEnrollment(journey.id, job.id);
      }
      if (job.status === "failed") {
        onResult(t.enrollFailed(journey.name, job.error ?? ""));
      } else {
        const parts = [t.enrolled(job.enrolled, journey.name)];
        if (job.skipped > 0) parts.push(t.skipped(job.skipped));
        onResult(parts.join(" · "));
      }
    } catch (error) {
      onResult(t.enrollFailed(journey.name, errorMessage(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="field">
        <label htmlFor="bulk-journey">{t.journey}</label>
        <select
          id="bulk-journey"
          className="input select"
          value={journeyId}
          onChange={(e) => setJourneyId(e.target.value)}
        >
          <option value="">{t.pickJourney}</option>
          {live.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button button-primary"
        disabled={!journeyId || busy}
        onClick={enroll}
      >
        {busy ? t.enrolling : t.enroll}
      </button>
    </>
  );
}
