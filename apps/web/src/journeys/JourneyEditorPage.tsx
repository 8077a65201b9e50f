import { ReactFlowProvider } from "@xyflow/react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { JourneyEditor } from "./JourneyEditor.tsx";
import { editorStrings as t } from "./strings.ts";
import "@xyflow/react/dist/style.css";

/** /journeys/:journeyId — loads the journey, then hands it to the canvas editor. */
export function JourneyEditorPage() {
  const { journeyId = "" } = useParams();
  const { state, reload } = useQuery(() => api.journey(journeyId), [journeyId]);

  if (state.status === "loading") return <Loading label={t.loading} />;
  if (state.status === "error") {
    const missing =
      state.error instanceof ApiError &&
      (state.error.code === "not_found" || state.error.status === 400);
    return (
      <div className="content-wide">
        <p className="page-header-back">
          <Link to="/journeys">{t.back}</Link>
        </p>
        {missing ? <p>{t.notFound}</p> : <LoadError error={state.error} onRetry={reload} />}
      </div>
    );
  }
  return (
    <ReactFlowProvider key={state.data.id}>
      <JourneyEditor journey={state.data} />
    </ReactFlowProvider>
  );
}
