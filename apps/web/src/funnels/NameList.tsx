interface Props {
  idPrefix: string;
  values: string[];
  label(n: number): string;
  placeholder(n: number): string;
  onChange(values: string[]): void;
  /** Allow reordering with up/down buttons. */
  ordered?: boolean;
  removeLabel: string;
  upLabel: string;
  downLabel: string;
}

/** An editable list of short names: stages or lost reasons of a new funnel. */
export function NameList(props: Props) {
  const { idPrefix, values, onChange, ordered } = props;

  function set(index: number, value: string) {
    onChange(values.map((v, i) => (i === index ? value : v)));
  }
  function swap(a: number, b: number) {
    const next = [...values];
    const [x, y] = [next[a], next[b]];
    if (x === undefined || y === undefined) return;
    next[a] = y;
    next[b] = x;
    onChange(next);
  }

  return (
    <ol className="name-list">
      {values.map((value, index) => {
        const n = index + 1;
        const id = `${idPrefix}-${n}`;
        return (
          // Rows are positions in the list, not entities: the index is the right key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <li key={index} className="name-list-row">
            {ordered ? <span className="name-list-number">{n}</span> : null}
            <label htmlFor={id} className="visually-hidden">
              {props.label(n)}
            </label>
            <input
              id={id}
              className="input"
              value={value}
              maxLength={120}
              placeholder={props.placeholder(n)}
              onChange={(e) => set(index, e.target.value)}
            />
            {ordered ? (
              <>
                <button
                  type="button"
                  className="button button-small button-ghost"
                  aria-label={`${props.upLabel}: ${props.label(n)}`}
                  disabled={index === 0}
                  onClick={() => swap(index, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-small button-ghost"
                  aria-label={`${props.downLabel}: ${props.label(n)}`}
                  disabled={index === values.length - 1}
                  onClick={() => swap(index, index + 1)}
                >
                  ↓
                </button>
              </>
            ) : null}
            <button
              type="button"
              className="button button-small button-danger-ghost"
              aria-label={`${props.removeLabel}: ${props.label(n)}`}
              disabled={values.length === 1 && ordered}
              onClick={() => onChange(values.filter((_, i) => i !== index))}
            >
              {props.removeLabel}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
