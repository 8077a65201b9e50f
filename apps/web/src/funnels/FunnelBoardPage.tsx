import type { Funnel, Stage } from "@voronka/contract";
import { type ReactNode, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ApiError, errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { contactName } from "../contacts/labels.ts";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import type { DraggedCard } from "./BoardCard.tsx";
import { BoardColumn } from "./BoardColumn.tsx";
import { boardColumns } from "./board.ts";
import { MoveDialog, type MoveRequest } from "./MoveDialog.tsx";
import { boardStrings as t } from "./strings.ts";

/** A funnel's board: a column per stage, cards to drag between them. */
export function FunnelBoardPage() {
  const { funnelId = "" } = useParams();
  const { state, setState, reload } = useQuery(() => api.funnel(funnelId), [funnelId]);
  const back = <Link to="/funnels">{t.back}</Link>;

  if (state.status === "loading") {
    return (
      <>
        <PageHeader title={t.title} back={back} />
        <Loading label={t.loading} />
      </>
    );
  }
  if (state.status === "error") {
    return (
      <>
        <PageHeader title={t.title} back={back} />
        {state.error instanceof ApiError &&
        (state.error.status === 404 || state.error.status === 400) ? (
          <p className="table-empty">
            {t.notFound} <Link to="/funnels">{t.allFunnels}</Link>
          </p>
        ) : (
          <LoadError error={state.error} onRetry={reload} />
        )}
      </>
    );
  }
  return (
    <Board
      funnel={state.data}
      back={back}
      onFunnel={(funnel) => setState({ status: "success", data: funnel })}
    />
  );
}

interface BoardProps {
  funnel: Funnel;
  back: ReactNode;
  onFunnel(funnel: Funnel): void;
}

function Board({ funnel, back, onFunnel }: BoardProps) {
  const navigate = useNavigate();
  const funnels = useQuery(api.listFunnels);
  const [version, setVersion] = useState(0);
  const [moving, setMoving] = useState<MoveRequest | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  // One clock per render pass, so every card measures time in stage against the same moment.
  const now = Date.now();
  const columns = boardColumns(funnel.stages);

  async function refresh() {
    setVersion((v) => v + 1);
    try {
      onFunnel(await api.funnel(funnel.id));
    } catch (caught) {
      setNotice({ text: errorMessage(caught), error: true });
    }
  }

  async function handleDrop(card: DraggedCard, to: Stage) {
    if (to.kind === "lost") {
      setMoving({ ...card, toStageId: to.id });
      return;
    }
    setNotice(null);
    try {
      await api.moveContact(funnel.id, { contactId: card.contactId, stageId: to.id });
      setNotice({ text: t.moved(card.contactName, to.name), error: false });
    } catch (caught) {
      setNotice({ text: errorMessage(caught), error: true });
    }
    await refresh();
  }

  function renderColumn(stage: Stage) {
    return (
      <BoardColumn
        key={stage.id}
        funnelId={funnel.id}
        stage={stage}
        stallDays={funnel.stallDays}
        version={version}
        now={now}
        onMoveRequest={(contact, from) =>
          setMoving({
            contactId: contact.id,
            contactName: contactName(contact),
            fromStageId: from.id,
          })
        }
        onDropCard={handleDrop}
      />
    );
  }

  return (
    <div className="content-wide">
      <PageHeader
        title={funnel.name}
        back={back}
        description={t.hint(funnel.stallDays)}
        actions={
          <>
            {funnels.state.status === "success" && funnels.state.data.data.length > 1 ? (
              <select
                className="input select board-switch"
                aria-label={t.switchFunnel}
                value={funnel.id}
                onChange={(e) => navigate(`/funnels/${e.target.value}`)}
              >
                {funnels.state.data.data.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            ) : null}
            <Link className="button" to={`/funnels/${funnel.id}/settings`}>
              {t.settings}
            </Link>
          </>
        }
      />
      <p className={`board-notice ${notice?.error ? "board-notice-error" : ""}`} role="status">
        {notice?.text ?? ""}
      </p>
      <div className="board">
        {columns.filter((stage) => stage.kind === "open").map(renderColumn)}
        <div className="board-outcomes">
          {columns.filter((stage) => stage.kind !== "open").map(renderColumn)}
        </div>
      </div>
      {moving ? (
        <MoveDialog
          funnel={funnel}
          request={moving}
          onCancel={() => setMoving(null)}
          onMoved={(to) => {
            setNotice({
              text:
                to.kind === "lost"
                  ? t.markedLost(moving.contactName)
                  : t.moved(moving.contactName, to.name),
              error: false,
            });
            setMoving(null);
            void refresh();
          }}
        />
      ) : null}
    </div>
  );
}
