import { z } from "zod";

/**
 * Where a contact's run through a journey stands. `completed` is a run that reached the end of
 * a path; `exited` one that left early (an exit step, an exit event, a holdout, an error).
 */
export const ContactJourneyStatus = z.enum([
  "active",
  "waiting",
  "completed",
  "converted",
  "exited",
]);
export type ContactJourneyStatus = z.infer<typeof ContactJourneyStatus>;

/** One enrollment of a contact: the journey, the version and the step it is at. */
export const ContactJourney = z
  .object({
    enrollmentId: z.uuid(),
    journeyId: z.uuid(),
    journeyName: z.string(),
    journeyStatus: z
      .string()
      .meta({ description: "The journey's own lifecycle: `live`, `paused`…" }),
    version: z.number().int(),
    status: ContactJourneyStatus,
    node: z
      .object({
        id: z.string(),
        type: z.string().meta({ example: "wait" }),
        label: z.string().meta({ description: "The step kind in plain English.", example: "Wait" }),
      })
      .nullable()
      .meta({ description: "The step the run is at, or ended at; null before its first step." }),
    waitingFor: z
      .string()
      .nullable()
      .meta({ description: "The event a waiting run waits for, if any." }),
    exitReason: z.string().nullable().meta({
      description: "Why an ended run ended: an exit step's reason, `end-of-path`, a goal's name…",
    }),
    enteredAt: z.iso.datetime().meta({ description: "When the contact entered the journey." }),
    waitingUntil: z.iso.datetime().nullable().meta({
      description: "When a waiting run moves on by itself (a wait's end or a timeout).",
    }),
    lastTransitionAt: z.iso.datetime().meta({
      description: "When the run last moved: entered its current step, or ended.",
    }),
    endedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ContactJourney" });
export type ContactJourney = z.infer<typeof ContactJourney>;

export const ContactJourneyList = z
  .object({ data: z.array(ContactJourney) })
  .meta({ id: "ContactJourneyList" });
export type ContactJourneyList = z.infer<typeof ContactJourneyList>;
