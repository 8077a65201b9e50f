import { createRoute } from "@hono/zod-openapi";
import { TestRunBody, TestRunResult } from "@voronka/contract";
import { AppError } from "@voronka/core";
import { loadContactWorlds } from "@voronka/db";
import {
  type ContactSnapshot,
  isTrigger,
  JourneyGraph,
  type SimulationResult,
  simulate,
  type TimelineEvent,
  validate,
} from "@voronka/journey";
import type { z } from "zod";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../../openapi.ts";
import { JourneyParams, loadJourney } from "./dto.ts";

type ContactInput = z.input<typeof ContactSnapshot>;

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 7 * 86_400_000 };
const DAY_MS = 86_400_000;
/** A test run covers at most two years of simulated time and this many steps. */
const MAX_SPAN_MS = 2 * 366 * DAY_MS;
const MAX_STEPS = 2_000;

const testRun = createRoute({
  tags: ["Journeys"],
  middleware: [requireAuth],
  security: secured,
  method: "post",
  path: "/api/journeys/{id}/test-run",
  summary: "Simulate the draft for one contact along a timeline; nothing is sent",
  description:
    "Runs the current draft (not the live version) through the pure interpreter: the contact enters at the trigger at `startAt`, then each timeline entry either delivers an event or moves the clock on; timers fire exactly when due. Returns the steps visited with their times and the effects the engine would carry out (emails, stage moves…). Nothing is written, sent or synced. A draft with problems is refused with `validation_failed`.",
  request: {
    params: JourneyParams,
    body: { ...json(TestRunBody, "The contact and the timeline."), required: true },
  },
  responses: {
    200: json(TestRunResult, "The simulated path and effects."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

/** The described contact, or the stored one of this workspace. */
async function contactFor(
  db: Parameters<typeof loadContactWorlds>[0],
  workspaceId: string,
  body: z.infer<typeof TestRunBody>,
  now: number,
): Promise<ContactInput> {
  const { contact } = body;
  if (contact.contactId) {
    const worlds = await loadContactWorlds(db, workspaceId, [contact.contactId], [], now, {
      sends: false,
      stages: true,
    });
    const world = worlds.get(contact.contactId);
    if (!world) throw new AppError("not_found", "No contact with this id in this workspace.");
    return world.base;
  }
  const consent: Record<string, boolean> = {};
  for (const channel of contact.consent ?? []) consent[channel] = true;
  return {
    id: "test-contact",
    timeZone: contact.timeZone ?? "UTC",
    attributes: contact.attributes ?? {},
    tags: contact.tags ?? [],
    consent,
  };
}

/** Timeline entries as timed events, and the instant the clock reaches at their end. */
function timedEvents(body: z.infer<typeof TestRunBody>, startAt: number) {
  let clock = startAt;
  const events: TimelineEvent[] = [];
  for (const entry of body.timeline) {
    if (entry.type === "wait") clock += entry.amount * UNIT_MS[entry.unit];
    else events.push({ at: clock, name: entry.name, properties: entry.properties ?? {} });
  }
  const until = clock + body.runOnDays * DAY_MS;
  if (until - startAt > MAX_SPAN_MS) {
    throw new AppError("validation_failed", "A test run can cover at most two years.", {
      details: [{ path: "timeline", message: "The waits add up to more than two years." }],
    });
  }
  return { events, until };
}

function toResult(run: SimulationResult, startAt: number, until: number): TestRunResult {
  const iso = (ms: number) => new Date(ms).toISOString();
  const e = run.enrollment;
  return {
    startedAt: iso(startAt),
    endedAt: iso(e.endedAt ?? until),
    path: run.path,
    effects: run.effects
      // Waking up is how the engine keeps time, not something the marketer asked for.
      .filter((effect) => effect.type !== "schedule-wake")
      .map(({ type, nodeId, at, key: _key, ...details }) => ({ type, nodeId, at, details })),
    outcome: {
      status: e.status,
      nodeId: e.node,
      wakeAt: e.status === "waiting" && e.wakeAt !== null ? iso(e.wakeAt) : null,
      waitingForEvent: e.waitingFor?.type === "event" ? e.waitingFor.event : null,
      exitReason: e.exitReason,
    },
    contact: {
      attributes: run.contact.attributes,
      tags: run.contact.tags,
      stages: run.contact.stages,
    },
  };
}

export const journeyTestRunRoutes = router().openapi(testRun, async (c) => {
  const { db } = c.get("deps");
  const { workspaceId } = c.get("auth");
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const journey = await loadJourney(db, workspaceId, id);

  const violations = validate(journey.draft);
  const parsed = JourneyGraph.safeParse(journey.draft);
  if (violations.length > 0 || !parsed.success) {
    throw new AppError("validation_failed", "Fix the journey's problems before a test run.", {
      details: violations.map((v) => ({
        path: v.nodeId ? `nodes.${v.nodeId}` : (v.path ?? "graph"),
        message: v.message,
      })),
    });
  }
  const graph = parsed.data;
  const trigger = body.trigger
    ? graph.nodes.find((n) => n.id === body.trigger)
    : graph.nodes.find(isTrigger);
  if (!trigger || !isTrigger(trigger)) {
    throw new AppError("validation_failed", "The test run needs a trigger step to start from.", {
      details: [{ path: "trigger", message: "Not a trigger step of this journey." }],
    });
  }

  const startAt = body.startAt ? Date.parse(body.startAt) : Date.now();
  const { events, until } = timedEvents(body, startAt);
  const contact = await contactFor(db, workspaceId, body, startAt);
  const run = simulate({
    graph,
    contact,
    start: {
      at: startAt,
      trigger: trigger.id,
      // An event trigger is entered by its own event.
      ...(trigger.type === "trigger-event"
        ? {
            event: {
              at: startAt,
              name: trigger.data.event,
              properties: body.triggerProperties ?? {},
            },
          }
        : {}),
    },
    events,
    until,
    enrollmentId: "test-run",
    maxSteps: MAX_STEPS,
  });
  return c.json(toResult(run, startAt, until), 200);
});
