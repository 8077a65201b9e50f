import type { ContactSummary, TestRunResult, TestRunTimelineEntry } from "@voronka/contract";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { formatDateTime } from "../ui/format.ts";
import { journeyApi } from "./journey-api.ts";
import { testRunStrings as t } from "./strings.ts";

type Unit = "minutes" | "hours" | "days" | "weeks";
type Pair = { key: string; value: string };
type Entry = { type: "event"; name: string } | { type: "wait"; amount: number; unit: Unit };

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

/** "150" → 150, "true" → true: what a marketer types is read the way they mean it. */
function typed(value: string): string | number | boolean {
  const v = value.trim();
  if (v === "true") return true;
  if (v === "false") return false;
  return v !== "" && Number.isFinite(Number(v)) ? Number(v) : value;
}

function toRecord(pairs: readonly Pair[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const p of pairs) if (p.key.trim()) out[p.key.trim()] = typed(p.value);
  return out;
}

function contactName(c: ContactSummary): string {
  return (
    c.name || [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email || c.phone || c.id
  );
}

/** Key = value rows, for contact fields and event details. */
function PairRows({
  pairs,
  onChange,
  addLabel,
  testId,
}: {
  pairs: Pair[];
  onChange(pairs: Pair[]): void;
  addLabel: string;
  testId: string;
}) {
  return (
    <div className="pair-rows" data-testid={testId}>
      {pairs.map((p, i) => (
        // Rows have no identity beyond their place; they are edited in place.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className="pair-row" key={i}>
          <input
            className="input"
            aria-label={`${t.field} ${i + 1}`}
            placeholder={t.field}
            value={p.key}
            onChange={(e) =>
              onChange(pairs.map((q, j) => (j === i ? { ...q, key: e.target.value } : q)))
            }
          />
          <span className="muted">=</span>
          <input
            className="input"
            aria-label={`${t.value} ${i + 1}`}
            placeholder={t.value}
            value={p.value}
            onChange={(e) =>
              onChange(pairs.map((q, j) => (j === i ? { ...q, value: e.target.value } : q)))
            }
          />
          <button
            type="button"
            className="button button-small button-ghost"
            aria-label={`${t.remove} ${i + 1}`}
            onClick={() => onChange(pairs.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-small button-ghost"
        onClick={() => onChange([...pairs, { key: "", value: "" }])}
      >
        {addLabel}
      </button>
    </div>
  );
}

/** Finds an existing contact by name, email or phone. */
function ContactSearch({ onPick }: { onPick(contact: ContactSummary): void }) {
  const [q, setQ] = useState("");
  const [found, setFound] = useState<ContactSummary[] | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.listContacts({ q: q.trim() || undefined, limit: 5 }).then(
        (list) => current && setFound(list.data),
        () => current && setFound([]),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <div className="field">
      <label htmlFor="test-run-search">{t.search}</label>
      <input
        id="test-run-search"
        className="input"
        value={q}
        placeholder={t.searchPlaceholder}
        onChange={(e) => setQ(e.target.value)}
      />
      {found && found.length === 0 ? <p className="muted small">{t.noMatches}</p> : null}
      {found && found.length > 0 ? (
        <ul className="test-run-matches">
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" className="test-run-match" onClick={() => onPick(c)}>
                <strong>{contactName(c)}</strong>
                {c.email && c.email !== contactName(c) ? (
                  <span className="muted small">{c.email}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Outcome({ result, stepName }: { result: TestRunResult; stepName(id: string): string }) {
  const o = result.outcome;
  const step = o.nodeId ? stepName(o.nodeId) : "";
  const until = o.wakeAt ? formatDateTime(o.wakeAt) : null;
  let text: string;
  if (o.status === "converted") text = t.outcome.converted(step, formatDateTime(result.endedAt));
  else if (o.status === "exited") text = t.outcome.exited(step, formatDateTime(result.endedAt));
  else if (o.status === "waiting" && o.waitingForEvent)
    text = t.outcome.waitingEvent(step, o.waitingForEvent, until);
  else if (o.status === "waiting") text = t.outcome.waiting(step, until);
  else text = t.outcome.active(step);
  return (
    <p className={`test-run-outcome outcome-${o.status}`} data-testid="test-run-outcome">
      {text}
    </p>
  );
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
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [result]);
  // Leaving and reaching a goal are told by the outcome line above the list.
  const effects = result?.effects.filter((e) => e.type !== "exit" && e.type !== "converted") ?? [];

  const setEntry = (i: number, entry: Entry) =>
    setEntries((all) => all.map((e, j) => (j === i ? entry : e)));

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
        <fieldset className="fieldset">
          <legend>{t.timeline}</legend>
          {entries.length === 0 ? <p className="muted small">{t.timelineEmpty}</p> : null}
          <ol className="test-run-timeline">
            {entries.map((entry, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              <li key={i} className="timeline-row">
                {entry.type === "event" ? (
                  <>
                    <span className="timeline-kind">{t.event}</span>
                    <input
                      className="input"
                      aria-label={`${t.eventName} ${i + 1}`}
                      placeholder="order_completed"
                      value={entry.name}
                      onChange={(e) => setEntry(i, { type: "event", name: e.target.value })}
                    />
                  </>
                ) : (
                  <>
                    <span className="timeline-kind">{t.wait}</span>
                    <input
                      className="input timeline-amount"
                      aria-label={`${t.wait} ${i + 1}`}
                      inputMode="numeric"
                      value={String(entry.amount)}
                      onChange={(e) =>
                        setEntry(i, { ...entry, amount: Math.max(0, Number(e.target.value) || 0) })
                      }
                    />
                    <select
                      className="input select"
                      aria-label={`${t.wait} ${i + 1} unit`}
                      value={entry.unit}
                      onChange={(e) => setEntry(i, { ...entry, unit: e.target.value as Unit })} // options below are the units
                    >
                      {(["minutes", "hours", "days", "weeks"] as const).map((u) => (
                        <option key={u} value={u}>
                          {t.unitLabels[u]}
                        </option>
                      ))}
                    </select>
                  </>
                )}
                <button
                  type="button"
                  className="button button-small button-ghost"
                  aria-label={`${t.remove} ${i + 1}`}
                  onClick={() => setEntries((all) => all.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </li>
            ))}
          </ol>
          <div className="test-run-add">
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                setEntries((all) => [...all, { type: "wait", amount: 1, unit: "days" }])
              }
            >
              {t.addWait}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => setEntries((all) => [...all, { type: "event", name: "" }])}
            >
              {t.addEvent}
            </button>
          </div>
          <label className="test-run-runon">
            {t.runOn}{" "}
            <input
              className="input timeline-amount"
              inputMode="numeric"
              value={String(runOnDays)}
              onChange={(e) =>
                setRunOnDays(Math.min(366, Math.max(0, Number(e.target.value) || 0)))
              }
            />{" "}
            {t.days}
          </label>
        </fieldset>
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
        <div className="test-run-result" data-testid="test-run-result" ref={resultRef}>
          <h3>{t.result}</h3>
          <Outcome result={result} stepName={stepName} />
          <h4>{t.path}</h4>
          <ol className="test-run-path">
            {result.path.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a loop can visit a step twice
              <li key={i}>
                <button type="button" className="path-step" onClick={() => props.onFocus(p.nodeId)}>
                  <span className="path-index">{i + 1}</span>
                  <span className="path-name">{stepName(p.nodeId)}</span>
                  <span className="path-time muted small">{formatDateTime(p.at)}</span>
                </button>
              </li>
            ))}
          </ol>
          <h4>{t.effects}</h4>
          {effects.length === 0 ? <p className="muted small">{t.noEffects}</p> : null}
          <ul className="test-run-effects">
            {effects.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: effects have no id of their own here
              <li key={i} data-effect-type={e.type}>
                <span>{t.effect[e.type]?.(e.details) ?? e.type}</span>
                <span className="muted small">{formatDateTime(e.at)}</span>
              </li>
            ))}
          </ul>
          <p className="test-run-note">{t.nothingSent}</p>
        </div>
      ) : null}
    </section>
  );
}
