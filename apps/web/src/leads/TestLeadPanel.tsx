import type { Funnel, TestLeadResult } from "@voronka/contract";
import { useState } from "react";
import { Link } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { AlertIcon, CheckIcon } from "../ui/Icons.tsx";
import { leadsApi } from "./leads-api.ts";
import { leadStrings as t } from "./strings.ts";

interface Props {
  sourceId: string;
  channel: string;
  funnels: Funnel[];
}

/** "Send a test lead": a signed sample through the source's own address, and who it became. */
export function TestLeadPanel({ sourceId, channel, funnels }: Props) {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<TestLeadResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function handleSend() {
    setPending(true);
    setError(null);
    setResult(null);
    try {
      setResult(await leadsApi.sendTestLead(sourceId));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  const placedIn = result?.placement ? placeName(funnels, result.placement) : null;
  return (
    <section className="card lead-card" aria-labelledby="lead-test-title">
      <div className="card-header">
        <h2 id="lead-test-title">{t.testTitle}</h2>
        <p className="muted small">
          {channel === "web_form" ? t.testFormHint : t.testHint(channel)}
        </p>
      </div>
      <div className="card-body stack-sm">
        <div>
          <button type="button" className="button" onClick={handleSend} disabled={pending}>
            {pending ? t.sendingTest : t.sendTest}
          </button>
        </div>
        {result ? (
          <div className="lead-test-result" role="status">
            <CheckIcon size={16} />
            <div>
              <p className="table-strong">{t.testArrived(result.contactName ?? t.someone)}</p>
              <p className="muted small">
                {placedIn ? t.testPlaced(placedIn.funnel, placedIn.stage) : t.testNotMoved}
              </p>
              <Link className="inline-link" to={`/contacts/${result.contactId}`}>
                {t.openContact}
              </Link>
            </div>
          </div>
        ) : null}
        {error ? (
          <div className="alert alert-error" role="alert">
            <AlertIcon size={16} />
            <span>{error}</span>
          </div>
        ) : null}
      </div>
    </section>
  );
}

function placeName(funnels: Funnel[], placement: { funnelId: string; stageId: string }) {
  const funnel = funnels.find((f) => f.id === placement.funnelId);
  const stage = funnel?.stages.find((s) => s.id === placement.stageId);
  return funnel && stage ? { funnel: funnel.name, stage: stage.name } : null;
}
