import { NODE_CATALOGUE, type NodeGroup } from "@voronka/journey";
import { memo } from "react";
import { stepDescription, stepLabel } from "./step-text.ts";
import { editorStrings as t } from "./strings.ts";

/** The drag type a palette item carries, read by the canvas on drop. */
export const PALETTE_MIME = "application/x-voronka-step";

const GROUPS: readonly NodeGroup[] = ["Triggers", "Flow", "Actions"];

interface Props {
  /** Click (or Enter) on an item: add the step where the canvas can show it. */
  onAdd(type: string): void;
}

/** Every step kind, grouped Triggers / Flow / Actions, to drag onto the canvas or click. */
export const Palette = memo(function Palette({ onAdd }: Props) {
  return (
    <aside className="palette" aria-label={t.palette}>
      <h2 className="palette-title">{t.palette}</h2>
      <p className="muted small">{t.paletteHint}</p>
      {GROUPS.map((group) => (
        <section key={group} className="palette-group" aria-label={t.groups[group]}>
          <h3>{t.groups[group]}</h3>
          <ul>
            {NODE_CATALOGUE.filter((entry) => entry.group === group).map((entry) => (
              <li key={entry.type}>
                <button
                  type="button"
                  className={`palette-item palette-${group.toLowerCase()}`}
                  draggable
                  data-step-type={entry.type}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(PALETTE_MIME, entry.type);
                    event.dataTransfer.effectAllowed = "move";
                  }}
                  onClick={() => onAdd(entry.type)}
                  title={stepDescription(entry.type)}
                >
                  <span className="palette-item-label">{stepLabel(entry.type)}</span>
                  <span className="palette-item-description">{stepDescription(entry.type)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
});
