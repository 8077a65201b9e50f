import { useState } from "react";
import { createPortal } from "react-dom";
import { JourneySettingsDialog } from "./JourneySettingsDialog.tsx";
import { settingsSummary } from "./journey-settings.ts";
import { journeySettingsStrings as t } from "./strings.ts";

interface Props {
  settings: unknown;
  readOnly: boolean;
  onChange(settings: Record<string, unknown>): void;
}

/** On the canvas: the journey's quiet hours and send limit in one line; opens their dialog. */
export function JourneySettingsButton({ settings, readOnly, onChange }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-small canvas-settings-button"
        title={settingsSummary(settings)}
        onClick={() => setOpen(true)}
      >
        <span className="canvas-settings-title">{t.open}:</span>
        <span className="canvas-settings-summary" data-testid="journey-settings-summary">
          {settingsSummary(settings)}
        </span>
      </button>
      {/* Outside the canvas, so clicks and wheel turns in the dialog don't pan it. */}
      {open
        ? createPortal(
            <JourneySettingsDialog
              settings={settings}
              readOnly={readOnly}
              onClose={() => setOpen(false)}
              onSave={(next) => {
                onChange(next);
                setOpen(false);
              }}
            />,
            document.body,
          )
        : null}
    </>
  );
}
