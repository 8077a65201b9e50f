import type { ContactImport } from "@voronka/contract";
import { useState } from "react";
import { Link } from "react-router-dom";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ChooseFileStep, type ChosenFile } from "./ChooseFileStep.tsx";
import { ImportProgress } from "./ImportProgress.tsx";
import { MapColumnsStep } from "./MapColumnsStep.tsx";
import { importStrings as t } from "./strings.ts";

type Step =
  | { step: "choose" }
  | { step: "map"; file: ChosenFile }
  | { step: "progress"; started: ContactImport };

/** The CSV import wizard: choose a file, match its columns, watch it import. */
export function ImportPage() {
  const [state, setState] = useState<Step>({ step: "choose" });
  const index = state.step === "choose" ? 0 : state.step === "map" ? 1 : 2;

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        back={<Link to="/contacts">{t.back}</Link>}
      />
      <ol className="wizard-steps" aria-label={t.stepOf(index + 1, t.steps.length)}>
        {t.steps.map((label, i) => (
          <li
            key={label}
            className={i === index ? "wizard-step-current" : i < index ? "wizard-step-done" : ""}
            aria-current={i === index ? "step" : undefined}
          >
            <span className="wizard-step-number">{i + 1}</span>
            {label}
          </li>
        ))}
      </ol>
      {state.step === "choose" ? (
        <ChooseFileStep onChosen={(file) => setState({ step: "map", file })} />
      ) : null}
      {state.step === "map" ? (
        <MapColumnsStep
          file={state.file}
          onBack={() => setState({ step: "choose" })}
          onStarted={(started) => setState({ step: "progress", started })}
        />
      ) : null}
      {state.step === "progress" ? (
        <ImportProgress started={state.started} onAnother={() => setState({ step: "choose" })} />
      ) : null}
    </>
  );
}
