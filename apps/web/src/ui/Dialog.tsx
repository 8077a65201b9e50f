import { type ReactNode, useEffect, useRef } from "react";

interface Props {
  title: string;
  /** Escape and the Cancel button call this, unless `busy`. */
  onClose(): void;
  busy?: boolean;
  children: ReactNode;
}

/** A modal dialog, open while rendered. */
export function Dialog({ title, onClose, busy, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}
