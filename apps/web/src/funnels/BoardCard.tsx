import type { ContactSummary, Stage } from "@voronka/contract";
import { Link } from "react-router-dom";
import { contactName, sourceLabel } from "../contacts/labels.ts";
import { formatDateTime, formatRelative } from "../ui/format.ts";
import { isStalled, timeInStage } from "./board.ts";
import { boardStrings as t } from "./strings.ts";

interface Props {
  contact: ContactSummary;
  stage: Stage;
  stallDays: number;
  now: number;
  onMove(): void;
}

/** The MIME type a dragged card carries, with a `DraggedCard` as JSON. */
export const CARD_MIME = "application/x-voronka-card";

/** What a dragged card tells the column it is dropped on. */
export interface DraggedCard {
  contactId: string;
  contactName: string;
  fromStageId: string;
}

/** The dragged card in a drop event, or null for anything else dropped there. */
export function readDraggedCard(data: DataTransfer): DraggedCard | null {
  try {
    const value: unknown = JSON.parse(data.getData(CARD_MIME));
    if (
      typeof value === "object" &&
      value !== null &&
      "contactId" in value &&
      "contactName" in value &&
      "fromStageId" in value &&
      typeof value.contactId === "string" &&
      typeof value.contactName === "string" &&
      typeof value.fromStageId === "string"
    ) {
      return {
        contactId: value.contactId,
        contactName: value.contactName,
        fromStageId: value.fromStageId,
      };
    }
  } catch {
    // Not one of our cards.
  }
  return null;
}

/** One contact on the board: name, source, time in stage; drag it or use “Move to…”. */
export function BoardCard({ contact, stage, stallDays, now, onMove }: Props) {
  const name = contactName(contact);
  const entered = contact.stageEnteredAt;
  const stalled = isStalled(stage, entered, stallDays, now);
  const time = entered ? timeInStage(entered, now) : null;
  const timeText = !time
    ? null
    : stage.kind !== "open" && entered
      ? t.outcomeSince(stage.kind === "won" ? t.kindWon : t.kindLost, formatRelative(entered, now))
      : time.unit === "none"
        ? t.justArrived
        : t.inStage(time.unit === "hours" ? t.hours(time.amount) : t.days(time.amount));

  return (
    <li
      className={`board-card${stalled ? " board-card-stalled" : ""}`}
      draggable
      data-contact-id={contact.id}
      aria-label={name}
      onDragStart={(event) => {
        const card: DraggedCard = {
          contactId: contact.id,
          contactName: name,
          fromStageId: stage.id,
        };
        event.dataTransfer.setData(CARD_MIME, JSON.stringify(card));
        event.dataTransfer.setData("text/plain", name);
        event.dataTransfer.effectAllowed = "move";
      }}
    >
      <div className="board-card-top">
        <Link className="board-card-name" to={`/contacts/${contact.id}`} draggable={false}>
          {name}
        </Link>
        {stalled ? <span className="badge badge-warning">{t.stalled}</span> : null}
      </div>
      <div className="board-card-meta muted small">
        {contact.source ? sourceLabel(contact.source) : t.noSource}
      </div>
      <div className="board-card-bottom">
        {timeText && entered ? (
          <time
            className={`small ${stalled ? "board-card-stalled-text" : "muted"}`}
            dateTime={entered}
            title={formatDateTime(entered)}
          >
            {timeText}
          </time>
        ) : (
          <span />
        )}
        <button
          type="button"
          className="button button-small button-ghost board-card-move"
          aria-label={t.moveToFor(name)}
          onClick={onMove}
        >
          {t.moveTo}
        </button>
      </div>
    </li>
  );
}
