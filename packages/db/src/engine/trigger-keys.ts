import { assertNever, isTrigger, type JourneyGraph, type TriggerSignal } from "@voronka/journey";

/**
 * The index keys of a graph's non-event triggers (event triggers are indexed by name in
 * `trigger_events`): `lead`, `stage:<funnel>`, `attribute:<name>`, `date`, `segment:<id>`,
 * `manual`. Stored on the version at publish time.
 */
export function triggerKeys(graph: JourneyGraph): string[] {
  const keys = new Set<string>();
  for (const node of graph.nodes.filter(isTrigger)) {
    switch (node.type) {
      case "trigger-event":
        break;
      case "trigger-lead":
        keys.add("lead");
        break;
      case "trigger-stage":
        keys.add(`stage:${node.data.funnel}`);
        break;
      case "trigger-attribute":
        keys.add(`attribute:${node.data.attribute}`);
        break;
      case "trigger-date":
        keys.add("date");
        break;
      case "trigger-segment":
        keys.add(`segment:${node.data.segment}`);
        break;
      case "trigger-manual":
        keys.add("manual");
        break;
      default:
        assertNever(node, "trigger type");
    }
  }
  return [...keys].sort();
}

/** The index key a signal looks journeys up by. */
export function signalKey(signal: TriggerSignal): string {
  switch (signal.type) {
    case "event":
      return `event:${signal.event.name}`;
    case "lead":
      return "lead";
    case "stage":
      return `stage:${signal.funnel}`;
    case "attribute":
      return `attribute:${signal.attribute}`;
    case "segment":
      return `segment:${signal.segment}`;
    case "manual":
      return "manual";
    default:
      return assertNever(signal, "signal type");
  }
}
