/**
 * Hand-made SVG charts: the four report screens need a pyramid, a bar series and two kinds of
 * bars, which take less code than a charting library's configuration (and add nothing to the
 * bundle).
 */
import { fmtInt, fmtPct } from "./format.ts";

export interface PyramidStep {
  label: string;
  value: number;
  /** Conversion from the previous step, shown between the bars. */
  conversion: number | null;
  tone?: "won";
}

/** The inverted pyramid: centred bars, widest at the top, with stage-to-stage conversion. */
export function Pyramid({ steps, title }: { steps: PyramidStep[]; title: string }) {
  const width = 640;
  const rowH = 44;
  const gap = 18;
  const max = Math.max(1, ...steps.map((s) => s.value));
  const labelW = 170;
  const barMax = width - labelW - 90;
  const height = steps.length * (rowH + gap);
  return (
    <svg className="an-pyramid" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      {steps.map((s, i) => {
        const w = Math.max(56, (s.value / max) * barMax);
        const next = steps[i + 1];
        const wNext = next ? Math.max(56, (next.value / max) * barMax) : w;
        const cx = labelW + barMax / 2;
        const y = i * (rowH + gap);
        const points = [
          [cx - w / 2, y],
          [cx + w / 2, y],
          [cx + wNext / 2, y + rowH],
          [cx - wNext / 2, y + rowH],
        ]
          .map((p) => p.join(","))
          .join(" ");
        return (
          <g key={s.label}>
            <text x={0} y={y + rowH / 2 + 5} className="an-pyr-label">
              {s.label}
            </text>
            <polygon
              points={points}
              className={s.tone === "won" ? "an-pyr-bar an-pyr-won" : "an-pyr-bar"}
            />
            <text x={cx} y={y + rowH / 2 + 5} textAnchor="middle" className="an-pyr-value">
              {fmtInt(s.value)}
            </text>
            {s.conversion !== null ? (
              <text x={width - 4} y={y + rowH / 2 + 5} textAnchor="end" className="an-pyr-conv">
                {fmtPct(s.conversion)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** Daily bars of started runs with the converted share filled in. */
export function GoalBars({
  points,
  title,
}: {
  points: { day: string; started: number; converted: number }[];
  title: string;
}) {
  const width = 900;
  const height = 160;
  const max = Math.max(1, ...points.map((p) => p.started));
  const bw = Math.max(2, Math.min(28, (width - 40) / Math.max(1, points.length) - 2));
  const step = (width - 40) / Math.max(1, points.length);
  return (
    <svg className="an-bars" viewBox={`0 0 ${width} ${height + 22}`} role="img" aria-label={title}>
      <line x1={30} x2={width} y1={height} y2={height} className="an-axis" />
      <text x={0} y={12} className="an-tick">
        {fmtInt(max)}
      </text>
      {points.map((p, i) => {
        const x = 34 + i * step;
        const h = (p.started / max) * (height - 10);
        const hc = (p.converted / max) * (height - 10);
        return (
          <g key={p.day}>
            <title>{`${p.day}: ${p.started} → ${p.converted}`}</title>
            <rect x={x} y={height - h} width={bw} height={h} className="an-bar-total" />
            <rect x={x} y={height - hc} width={bw} height={hc} className="an-bar-part" />
            {i === 0 || i === points.length - 1 || i % Math.ceil(points.length / 8) === 0 ? (
              <text x={x} y={height + 16} className="an-tick">
                {p.day.slice(5)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** A horizontal bar for a share 0–1 (for probabilities and channel shares). */
export function ShareBar({ value, tone }: { value: number; tone?: "good" | "muted" }) {
  return (
    <span className="an-share">
      <span
        className={`an-share-fill${tone ? ` an-share-${tone}` : ""}`}
        style={{ width: `${Math.max(0, Math.min(1, value)) * 100}%` }}
      />
    </span>
  );
}

/** A bar from the middle: positive to the right, negative to the left (sales-formula effects). */
export function SignedBar({ value, max }: { value: number; max: number }) {
  const share = max > 0 ? Math.min(1, Math.abs(value) / max) : 0;
  return (
    <span className="an-signed">
      <span
        className={value >= 0 ? "an-signed-pos" : "an-signed-neg"}
        style={{ width: `${share * 50}%`, [value >= 0 ? "left" : "right"]: "50%" }}
      />
    </span>
  );
}
