interface Props {
  label: string;
}

/** A quiet spinner with a line saying what is on its way. */
export function Loading({ label }: Props) {
  return (
    <div className="loading" role="status">
      <div className="spinner" aria-hidden="true" />
      <span className="muted">{label}</span>
    </div>
  );
}
