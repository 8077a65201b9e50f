import { CreateFunnelBody } from "@voronka/contract";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { NameList } from "./NameList.tsx";
import { createStrings as t } from "./strings.ts";

/** Name a funnel, list its stages and lost reasons, and open its board. */
export function NewFunnelPage() {
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [stages, setStages] = useState(["", "", ""]);
  const [reasons, setReasons] = useState(t.defaultReasons);
  const [stallDays, setStallDays] = useState("7");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const stageNames = stages.map((s) => s.trim()).filter(Boolean);
    const problem = !name.trim()
      ? t.needName
      : stageNames.length === 0
        ? t.needStage
        : new Set(stageNames.map((s) => s.toLowerCase())).size !== stageNames.length
          ? t.duplicateStage
          : null;
    const body = CreateFunnelBody.safeParse({
      name,
      stages: stageNames,
      lostReasons: reasons.map((r) => r.trim()).filter(Boolean),
      stallDays: Number(stallDays),
    });
    if (problem || !body.success) {
      setError(problem ?? t.badStallDays);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const funnel = await api.createFunnel(body.data);
      navigate(`/funnels/${funnel.id}`);
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  const listLabels = { removeLabel: t.remove, upLabel: t.moveUp, downLabel: t.moveDown };

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        back={<Link to="/funnels">{t.back}</Link>}
      />
      <form className="card funnel-form" onSubmit={handleSubmit} noValidate>
        <div className="card-body form">
          <div className="field">
            <label htmlFor="funnel-name">{t.name}</label>
            <input
              id="funnel-name"
              className="input"
              placeholder={t.namePlaceholder}
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>

          <fieldset className="fieldset">
            <legend>{t.stages}</legend>
            <p className="field-hint">{t.stagesHint}</p>
            <NameList
              idPrefix="stage"
              values={stages}
              label={t.stageLabel}
              placeholder={t.stagePlaceholder}
              onChange={setStages}
              ordered
              {...listLabels}
            />
            <div className="name-list-outcomes muted small">
              <span className="badge badge-success">Won</span>
              <span className="badge badge-danger">Lost</span>
              <span>are added after the last stage.</span>
            </div>
            <button
              type="button"
              className="button button-small"
              onClick={() => setStages([...stages, ""])}
              disabled={stages.length >= 30}
            >
              {t.addStage}
            </button>
          </fieldset>

          <fieldset className="fieldset">
            <legend>{t.lostReasons}</legend>
            <p className="field-hint">{t.lostReasonsHint}</p>
            <NameList
              idPrefix="reason"
              values={reasons}
              label={t.reasonLabel}
              placeholder={() => ""}
              onChange={setReasons}
              {...listLabels}
            />
            <button
              type="button"
              className="button button-small"
              onClick={() => setReasons([...reasons, ""])}
            >
              {t.addReason}
            </button>
          </fieldset>

          <div className="field funnel-stall">
            <label htmlFor="funnel-stall">{t.stallDays}</label>
            <input
              id="funnel-stall"
              className="input"
              type="number"
              min={1}
              max={365}
              value={stallDays}
              onChange={(e) => setStallDays(e.target.value)}
            />
            <span className="field-hint">{t.stallDaysHint}</span>
          </div>

          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <div className="card-footer form-actions">
          <Link className="button" to="/funnels">
            {t.cancel}
          </Link>
          <button type="submit" className="button button-primary" disabled={submitting}>
            {submitting ? t.creating : t.create}
          </button>
        </div>
      </form>
    </>
  );
}
