import type { NodeType } from "./nodes.ts";

/** Palette group of a node type. */
export type NodeGroup = "Triggers" | "Flow" | "Actions";

/** What the editor palette shows for a node type. */
export interface NodeCatalogueEntry {
  type: NodeType;
  group: NodeGroup;
  label: string;
  description: string;
}

/** Every node type with its palette group and plain-language label and description. */
export const NODE_CATALOGUE: readonly NodeCatalogueEntry[] = [
  {
    type: "trigger-event",
    group: "Triggers",
    label: "Event performed",
    description: "Starts when a contact does something, like viewing a page or adding to cart.",
  },
  {
    type: "trigger-lead",
    group: "Triggers",
    label: "Lead captured",
    description: "Starts when a new lead arrives from a form, messenger, call or the API.",
  },
  {
    type: "trigger-stage",
    group: "Triggers",
    label: "Funnel stage entered or lost",
    description: "Starts when a contact enters a funnel stage or is marked lost.",
  },
  {
    type: "trigger-attribute",
    group: "Triggers",
    label: "Contact field changed",
    description: "Starts when a field on the contact changes, optionally to a given value.",
  },
  {
    type: "trigger-date",
    group: "Triggers",
    label: "Date comes round",
    description:
      "Starts on a date from the contact, like a birthday or event date, before or after it.",
  },
  {
    type: "trigger-segment",
    group: "Triggers",
    label: "Segment entered",
    description: "Starts when a contact joins a segment.",
  },
  {
    type: "trigger-manual",
    group: "Triggers",
    label: "Added manually or by API",
    description: "Starts when someone adds the contact by hand or through the API.",
  },
  {
    type: "wait",
    group: "Flow",
    label: "Wait",
    description: "Pauses for a time, until a date, or until an allowed day and hour.",
  },
  {
    type: "wait-for-event",
    group: "Flow",
    label: "Wait for event",
    description: "Waits until the contact does something, or gives up after a time limit.",
  },
  {
    type: "condition",
    group: "Flow",
    label: "If / else",
    description: "Sends the contact down Yes or No depending on who they are and what they did.",
  },
  {
    type: "split",
    group: "Flow",
    label: "A/B split",
    description: "Divides contacts into branches by percentage to see which works best.",
  },
  {
    type: "goal",
    group: "Flow",
    label: "Goal",
    description: "Counts a conversion and ends the journey when the contact reaches it.",
  },
  { type: "exit", group: "Flow", label: "Exit", description: "Ends the journey for the contact." },
  {
    type: "send-email",
    group: "Actions",
    label: "Send email",
    description: "Sends an email from one of your templates.",
  },
  {
    type: "send-message",
    group: "Actions",
    label: "Send SMS or message",
    description: "Sends an SMS, Telegram, WhatsApp or Viber message.",
  },
  {
    type: "audience",
    group: "Actions",
    label: "Ad audience",
    description: "Adds the contact to an ad audience, or removes them from it.",
  },
  {
    type: "move-stage",
    group: "Actions",
    label: "Move funnel stage",
    description: "Moves the contact to a stage of a sales funnel.",
  },
  {
    type: "mark-lost",
    group: "Actions",
    label: "Mark lost",
    description: "Marks the deal lost and records why.",
  },
  {
    type: "update-contact",
    group: "Actions",
    label: "Update contact",
    description: "Changes fields, tags or points on the contact.",
  },
  {
    type: "promo-code",
    group: "Actions",
    label: "Issue promo code",
    description: "Creates a personal discount code to use in later messages.",
  },
  {
    type: "webhook",
    group: "Actions",
    label: "Webhook",
    description: "Sends the contact's data to another system, signed.",
  },
  {
    type: "notify-manager",
    group: "Actions",
    label: "Notify manager",
    description: "Creates a task or emails the sales team about this contact.",
  },
];
