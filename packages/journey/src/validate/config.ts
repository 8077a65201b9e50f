import { assertNever } from "../assert-never.ts";
import { type Condition, UNARY_OPS } from "../condition/schema.ts";
import type { JourneySettings } from "../schema/graph.ts";
import { describeNode, type NodeInfo } from "./parse.ts";
import type { Violation } from "./violations.ts";

const WEIGHT_EPSILON = 1e-9;

/**
 * Checks what the schema alone cannot: settings that only make sense together (split weights,
 * a goal's measure, a message's content, a rule's value).
 */
export function checkConfig(nodes: readonly NodeInfo[], out: Violation[]): void {
  for (const info of nodes) {
    const n = info.node;
    if (!n) continue;
    const who = describeNode(n.type, n.id);
    const at = `nodes[${info.index}].data`;
    const push = (code: Violation["code"], message: string, field?: string) =>
      out.push({ code, message, nodeId: n.id, path: field ? `${at}.${field}` : at });
    const rules = (c: Condition | undefined, field: string) => {
      if (c)
        checkRules(c, field, (field2, message) =>
          push("missing-config", `${who}: ${message}`, field2),
        );
    };
    switch (n.type) {
      case "split": {
        const { branches, holdout } = n.data;
        const total = branches.reduce((s, b) => s + b.weight, 0) + (holdout?.weight ?? 0);
        if (Math.abs(total - 100) > WEIGHT_EPSILON) {
          push("split-weights", `${who}: percentages add up to ${total}, not 100.`, "branches");
        }
        const seen = new Set<string>(holdout ? ["holdout"] : []);
        for (const [i, b] of branches.entries()) {
          if (seen.has(b.id)) {
            push(
              "duplicate-branch",
              `${who}: two branches are called “${b.id}”.`,
              `branches[${i}].id`,
            );
          }
          seen.add(b.id);
        }
        break;
      }
      case "goal":
        if (!n.data.event && !n.data.condition) {
          push(
            "goal-nothing-to-measure",
            `${who}: choose an event or a condition that counts as reaching “${n.data.name}”.`,
          );
        }
        rules(n.data.condition, "condition");
        rules(n.data.event?.filter, "event.filter");
        break;
      case "send-message":
        if (n.data.templateId === undefined && n.data.text === undefined) {
          push("missing-config", `${who} needs a template or a text.`, "text");
        }
        break;
      case "update-contact": {
        const d = n.data;
        if (
          Object.keys(d.set).length === 0 &&
          d.addTags.length === 0 &&
          d.removeTags.length === 0 &&
          d.addPoints === 0
        ) {
          push("missing-config", `${who} does not change anything yet.`, "set");
        }
        break;
      }
      case "trigger-stage":
        if (n.data.on === "entered" && n.data.stage === undefined) {
          push("missing-config", `${who} needs the stage to watch.`, "stage");
        }
        break;
      case "condition":
        rules(n.data.condition, "condition");
        break;
      case "trigger-event":
      case "trigger-attribute":
      case "wait-for-event":
        rules(n.data.filter, "filter");
        break;
      case "trigger-lead":
      case "trigger-date":
      case "trigger-segment":
      case "trigger-manual":
      case "wait":
      case "exit":
      case "send-email":
      case "audience":
      case "move-stage":
      case "mark-lost":
      case "promo-code":
      case "webhook":
      case "notify-manager":
        break;
      default:
        assertNever(n, "node type");
    }
  }
}

/** Journey-wide settings: exit rules use the condition language too. */
export function checkSettings(settings: JourneySettings, out: Violation[]): void {
  for (const [i, m] of settings.exitOn.entries()) {
    if (!m.filter) continue;
    checkRules(m.filter, `settings.exitOn[${i}].filter`, (path, message) =>
      out.push({ code: "invalid-settings", message: `Exit rule: ${message}`, path }),
    );
  }
}

/** Reports comparison rules that need a value but have none. */
function checkRules(c: Condition, path: string, report: (path: string, message: string) => void) {
  switch (c.kind) {
    case "all":
    case "any":
      for (const [i, r] of c.rules.entries()) checkRules(r, `${path}.rules[${i}]`, report);
      return;
    case "not":
      checkRules(c.rule, `${path}.rule`, report);
      return;
    case "attribute":
    case "property": {
      const name = c.kind === "attribute" ? c.attribute : c.property;
      if (!UNARY_OPS.has(c.op) && c.value === undefined) {
        report(`${path}.value`, `the rule on “${name}” needs a value to compare with.`);
      } else if ((c.op === "in" || c.op === "not-in") && !Array.isArray(c.value)) {
        report(`${path}.value`, `the rule on “${name}” needs a list of values.`);
      }
      return;
    }
    case "stage":
      if (c.op !== "lost" && c.stages.length === 0) {
        report(`${path}.stages`, `the rule on funnel “${c.funnel}” needs at least one stage.`);
      }
      return;
    case "event":
    case "segment":
    case "engagement":
    case "consent":
      return;
    default:
      assertNever(c, "condition kind");
  }
}
