import type { ContactSummary, TestRunResult, TestRunTimelineEntry } from "@voronka/contract";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { journeyApi } from "./journey-api.ts";
import { testRunStrings as t } from "./strings.ts";
import { ContactSearch, contactName } from "./TestRunContactSearch.tsx";
import { type Pair, PairRows, toRecord } from "./TestRunPairRows.tsx";
import { TestRunResultView } from "./TestRunResultView.tsx";
import { type Entry, TestRunTimeline } from "./TestRunTimeline.tsx";

interface Props {
  journeyId: string;
  /** The trigger's event name when the journey starts on an event (its details can be set). */
  triggerEvent: string | null;
  /** Problems stop a test run, as they stop publishing. */
  problems: number;
  /** Saves the draft first: the server runs the saved draft. */
  beforeRun(): Promise<boolean>;
  /** A step's name for the path and effects lists. */
  stepName(nodeId: string): string;
  onResult(result: TestRunResult | null): void;
  onFocus(nodeId: string): void;
  onClose(): void;
}

/** Pick or describe a contact, give a timeline, run the draft: the path lights up on the canvas. */
export function TestRunPanel(props: Props) {
  const { triggerEvent, problems, stepName } = props;
  const [mode, setMode] = useState<"describe" | "existing">("describe");
  const [picked, setPicked] = useState<ContactSummary | null>(null);
  const [fields, setFields] = useState<Pair[]>([{ key: "", value: "" }]);
  const [tags, setTags] = useState("");
  const [consentEmail, setConsentEmail] = useState(true);
  const [consentMessages, setConsentMessages] = useState(true);
  const [details, setDetails] = useState<Pair[]>([]);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [runOnDays, setRunOnDays] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TestRunResult | null>(null);

  async function run(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!(await props.beforeRun())) return;
      const timeline: TestRunTimelineEntry[] = entries.flatMap((e): TestRunTimelineEntry[] =>
        e.type === "event" ? (e.name.trim() ? [{ type: "event", name: e.name.trim() }] : []) : [e],
      );
      const consent = [
        ...(consentEmail ? (["email"] as const) : []),
        ...(consentMessages ? (["sms", "telegram", "whatsapp", "viber"] as const) : []),
      ];
      const answer = await journeyApi.testRun(props.journeyId, {
        contact:
          mode === "existing" && picked
            ? { contactId: picked.id }
            : {
                attributes: toRecord(fields),
                tags: tags
                  .split(",")
                  .map((tag) => tag.trim())
                  .filter(Boolean),
                consent: [...consent],
              },
        triggerProperties: toRecord(details),
        timeline,
        runOnDays,
      });
      setResult(answer);
      props.onResult(answer);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="test-run" aria-label={t.title}>
      <div className="test-run-head">
        <h2 className="panel-title">{t.title}</h2>
        <button
          type="button"
          className="button button-small button-ghost"
          aria-label={t.close}
          onClick={props.onClose}
        >
          ×
        </button>
      </div>
      <p className="muted small">{t.intro}</p>
      <form className="form test-run-form" onSubmit={run}>
        <fieldset className="fieldset">
          <legend>{t.who}</legend>
          <div className="segmented" role="radiogroup" aria-label={t.who}>
            {(["describe", "existing"] as const).map((m) => (
              <label key={m} className={mode === m ? "segmented-on" : ""}>
                <input
                  type="radio"
                  name="test-run-mode"
                  checked={mode === m}
                  onChange={() => setMode(m)}
                />
                {m === "describe" ? t.describe : t.existing}
              </label>
            ))}
          </div>
          {mode === "existing" ? (
            picked ? (
              <p className="test-run-picked">
                {t.chosen(contactName(picked))}{" "}
                <button
                  type="button"
                  className="button button-small button-ghost"
                  onClick={() => setPicked(null)}
                >
                  {t.change}
                </button>
              </p>
            ) : (
              <ContactSearch onPick={setPicked} />
            )
          ) : (
            <>
              <span className="field-label">{t.fields}</span>
              <span className="field-hint">{t.fieldsHint}</span>
              <PairRows
                pairs={fields}
                onChange={setFields}
                addLabel={t.addField}
                testId="contact-fields"
              />
              <div className="field">
                <label htmlFor="test-run-tags">{t.tags}</label>
                <input
                  id="test-run-tags"
                  className="input"
                  value={tags}
                  onChange={(e) => setTags(e.target.value)}
                />
                <span className="field-hint">{t.tagsHint}</span>
              </div>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={consentEmail}
                  onChange={(e) => setConsentEmail(e.target.checked)}
                />
                {t.consentEmail}
              </label>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={consentMessages}
                  onChange={(e) => setConsentMessages(e.target.checked)}
                />
                {t.consentMessages}
              </label>
            </>
          )}
        </fieldset>
        {triggerEvent ? (
          <fieldset className="fieldset">
            <legend>{t.entersWith(triggerEvent)}</legend>
            <span className="field-hint">{t.entersWithHint}</span>
            <PairRows
              pairs={details}
              onChange={setDetails}
              addLabel={t.addDetail}
              testId="trigger-details"
            />
          </fieldset>
        ) : null}
        <TestRunTimeline
          entries={entries}
          onEntries={setEntries}
          runOnDays={runOnDays}
          onRunOnDays={setRunOnDays}
        />
        {problems > 0 ? <p className="field-hint">{t.fixFirst}</p> : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || problems > 0 || (mode === "existing" && !picked)}
        >
          {busy ? t.running : t.run}
        </button>
      </form>
      {result ? (
        <TestRunResultView result={result} stepName={stepName} onFocus={props.onFocus} />
      ) : null}
    </section>
  );
}
