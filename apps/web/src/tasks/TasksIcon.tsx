/** Tasks: a checklist — decorative, hidden from assistive technology. */
export function TasksIcon({ size = 18 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M4 6.5l1.5 1.5L8 5.5" />
      <path d="M4 12.5l1.5 1.5L8 11.5" />
      <path d="M4 18.5l1.5 1.5L8 17.5" />
      <path d="M11 7h9M11 13h9M11 19h9" />
    </svg>
  );
}
