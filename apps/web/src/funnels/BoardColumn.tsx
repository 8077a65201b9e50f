import type { ContactSummary, Stage } from "@voronka/contract";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { LoadError } from "../ui/LoadError.tsx";
import { formatNumber } from "../ui/plural.ts";
import { BoardCard, CARD_MIME, type DraggedCard, readDraggedCard } from "./BoardCard.tsx";
import { boardStrings as t } from "./strings.ts";

/** Cards loaded per column; the rest are a link to the filtered contacts list. */
const COLUMN_LIMIT = 50;

interface Props {
  funnelId: string;
  stage: Stage;
  stallDays: number;
  /** Changes after every move, so the column reloads its cards. */
  version: number;
  now: number;
  onMoveRequest(contact: ContactSummary, fromStage: Stage): void;
  onDropCard(card: DraggedCard, toStage: Stage): void;
}

/** One stage of the board: its name and count, its cards, and a drop target. */
export function BoardColumn({
  funnelId,
  stage,
  stallDays,
  version,
  now,
  onMoveRequest,
  onDropCard,
}: Props) {
  const { state, reload } = useQuery(
    () => api.listContacts({ stage: stage.id, limit: COLUMN_LIMIT }),
    [stage.id, version],
  );
  const [over, setOver] = useState(false);
  const headingId = `column-${stage.id}`;
  const shown = state.status === "success" ? state.data.data.length : 0;

  return (
    <section
      className={`board-column board-column-${stage.kind}${over ? " board-column-over" : ""}`}
      aria-labelledby={headingId}
      data-stage={stage.name}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(CARD_MIME)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const card = readDraggedCard(event.dataTransfer);
        if (card && card.fromStageId !== stage.id) onDropCard(card, stage);
      }}
    >
      <header className="board-column-header">
        <h2 id={headingId}>{stage.name}</h2>
        <span className="board-count">
          {formatNumber(stage.contacts)}
          <span className="visually-hidden"> {stage.contacts === 1 ? "contact" : "contacts"}</span>
        </span>
      </header>
      <div className="board-column-body">
        {state.status === "loading" ? (
          <p className="muted small board-note">{t.loadingCards}</p>
        ) : null}
        {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
        {state.status === "success" && shown === 0 ? (
          <p className="board-empty">
            {over ? (stage.kind === "lost" ? t.dropLost : t.dropHere) : t.emptyStage}
          </p>
        ) : null}
        {state.status === "success" && shown > 0 ? (
          <ul className="board-cards">
            {state.data.data.map((contact) => (
              <BoardCard
                key={contact.id}
                contact={contact}
                stage={stage}
                stallDays={stallDays}
                now={now}
                onMove={() => onMoveRequest(contact, stage)}
              />
            ))}
          </ul>
        ) : null}
        {state.status === "success" && stage.contacts > shown && shown === COLUMN_LIMIT ? (
          <Link className="board-more small" to={`/contacts?funnel=${funnelId}&stage=${stage.id}`}>
            {t.more(stage.contacts - shown)}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
