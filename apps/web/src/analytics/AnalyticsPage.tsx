import { useMemo, useState } from "react";
import { Navigate, NavLink, Route, Routes } from "react-router-dom";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ChannelsView } from "./ChannelsView.tsx";
import { FunnelReportView } from "./FunnelReportView.tsx";
import { type RangeKey, rangeOf } from "./format.ts";
import { JourneyReportView } from "./JourneyReportView.tsx";
import { RangeSelect } from "./parts.tsx";
import { RfmView } from "./RfmView.tsx";
import { t } from "./strings.ts";
import "../styles/analytics.css";

/** Analytics: four reports under one header, each at its own address. */
export function AnalyticsPage() {
  const [key, setKey] = useState<RangeKey>("d90");
  const range = useMemo(() => rangeOf(key), [key]);
  const picker = <RangeSelect value={key} onChange={setKey} />;
  const tabs = [
    ["funnel", t.tabs.funnel],
    ["journeys", t.tabs.journeys],
    ["channels", t.tabs.channels],
    ["rfm", t.tabs.rfm],
  ] as const;
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <nav className="an-tabs" aria-label={t.title}>
        {tabs.map(([path, label]) => (
          <NavLink
            key={path}
            to={`/analytics/${path}`}
            className={({ isActive }) => (isActive ? "an-tab an-tab-active" : "an-tab")}
          >
            {label}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route index element={<Navigate to="funnel" replace />} />
        <Route path="funnel" element={<FunnelReportView range={range} toolbar={picker} />} />
        <Route path="journeys" element={<JourneyReportView range={range} toolbar={picker} />} />
        <Route path="channels" element={<ChannelsView range={range} toolbar={picker} />} />
        <Route path="rfm" element={<RfmView />} />
      </Routes>
    </>
  );
}
