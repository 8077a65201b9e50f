import type { JourneyStatus } from "@voronka/contract";

/** Every string of the journey screens, in one place for a later translation pass. */
export const journeyListStrings = {
  title: "Journeys",
  description: "Automated paths your contacts walk through, drawn on a canvas.",
  newJourney: "New journey",
  loading: "Loading journeys…",
  emptyTitle: "No journeys yet — draw your first one",
  emptyBody:
    "A journey starts from a trigger — an event, a new lead, a funnel stage — and moves each contact through waits, conditions, emails and funnel moves. Start from a blank canvas or from a ready-made template.",
  createFirst: "Create your first journey",
  columns: { name: "Name", status: "Status", version: "Live version", edited: "Last edited" },
  noVersion: "Not published",
  version: (n: number) => `v${n}`,
};

export const statusLabels: Record<JourneyStatus, string> = {
  draft: "Draft",
  live: "Live",
  paused: "Paused",
  stopped: "Stopped",
  archived: "Archived",
};

export const statusBadge: Record<JourneyStatus, string> = {
  draft: "badge-neutral",
  live: "badge-success",
  paused: "badge-warning",
  stopped: "badge-danger",
  archived: "badge-neutral",
};

export const newJourneyStrings = {
  title: "New journey",
  name: "Journey name",
  namePlaceholder: "e.g. Abandoned cart",
  startFrom: "Start from",
  blank: "Blank canvas",
  blankHint: "An empty journey; add a trigger first.",
  create: "Create journey",
  creating: "Creating…",
  cancel: "Cancel",
  needName: "Give the journey a name.",
};

export const editorStrings = {
  back: "← Journeys",
  loading: "Opening the journey…",
  notFound: "This journey doesn't exist in this workspace.",
  nameLabel: "Journey name",
  saving: "Saving…",
  saved: "Saved",
  unsaved: "Unsaved changes",
  saveFailed: (message: string) => `Couldn't save: ${message}`,
  publish: "Publish",
  publishing: "Publishing…",
  publishBlocked: (n: number) =>
    n === 1 ? "Fix 1 problem to publish" : `Fix ${n} problems to publish`,
  publishTitle: "Publish this journey?",
  publishBody: (live: number | null) =>
    live === null
      ? "The journey goes live: contacts who meet the trigger from now on enter it."
      : `This becomes version ${live + 1}. New contacts enter the new version; contacts already in the journey stay on version ${live}.`,
  pause: "Pause",
  resume: "Resume",
  pauseTitle: "Pause this journey?",
  pauseBody:
    "Nobody new enters and nothing is sent until you resume. Contacts already in the journey wait where they are; their events are kept.",
  cancel: "Cancel",
  readOnlyArchived: "This journey is archived; changes are not saved.",
  liveVersion: (n: number) => `Live version ${n}`,
  draftChanged: "Draft differs from the live version until you publish.",
  palette: "Add a step",
  paletteHint: "Drag onto the canvas, or click to add.",
  problems: "Problems to fix",
  noProblems: "No problems — ready to publish.",
  journeyProblem: "Journey",
  canvas: "Journey canvas",
  emptyCanvas: "Start with a trigger from the list on the left: it decides who enters.",
};

export const panelStrings = {
  title: "Step settings",
  nothingSelected: "Select a step on the canvas to set it up.",
  delete: "Delete step",
  deleteHint: "Or press Delete.",
  advanced: "Advanced settings (JSON)",
  advancedHint:
    "This step has no form yet. Edit its settings as JSON; they are checked as you type.",
  badJson: "This isn't valid JSON yet; the last valid settings are kept.",
  eventName: "Event name",
  eventNameHint: "Exactly as your website or app sends it, e.g. cart_abandoned.",
  waitFor: "Wait for",
  waitMode: "Wait",
  waitOther: "This wait is set up in another way (until a date or a time window).",
  waitUseDuration: "Wait a fixed time instead",
  amount: "Amount",
  unit: "Unit",
  units: { minutes: "minutes", hours: "hours", days: "days", weeks: "weeks" },
  ruleIntro: "Go down Yes when this is true about the contact:",
  ruleAttribute: "Contact field",
  ruleOp: "Is",
  ruleValue: "Value",
  ruleComplex: "This condition combines several rules; edit it in the advanced settings below.",
  ops: {
    eq: "equal to",
    neq: "not equal to",
    gt: "greater than",
    gte: "at least",
    lt: "less than",
    lte: "at most",
    contains: "contains",
    "starts-with": "starts with",
    exists: "is set",
    "not-exists": "is not set",
  } as Record<string, string>,
  branches: "Branches",
  branchName: (n: number) => `Branch ${n} name`,
  branchWeight: (n: number) => `Branch ${n} share (%)`,
  addBranch: "Add a branch",
  removeBranch: "Remove",
  weightSum: (sum: number) => `Total: ${sum}%`,
  weightSumBad: (sum: number) => `Total: ${sum}% — the shares must add up to 100%.`,
  templateId: "Email template",
  templateHint: "The id of the email template to send.",
  subject: "Subject (optional)",
  subjectHint: "Leave empty to use the template's own subject.",
  funnel: "Funnel",
  stage: "Stage",
  pickFunnel: "Choose a funnel",
  pickStage: "Choose a stage",
  noFunnels: "No funnels yet. Create one under Funnels first.",
  goalName: "Goal name",
  goalEvent: "Counts when the contact does (event)",
  goalEventHint: "e.g. order_completed",
  exitReason: "Reason (optional)",
  exitReasonHint: "Shown in reports, e.g. “bought”.",
};
