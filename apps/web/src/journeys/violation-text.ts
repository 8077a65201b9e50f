import type { Violation } from "@voronka/journey";
import { locale } from "../i18n/index.ts";

/** Plain names of the settings a violation can point at (by the first key under `data`). */
const FIELDS: Record<string, { en: string; ru: string }> = {
  event: { en: "event name", ru: "название события" },
  templateId: { en: "email template", ru: "шаблон письма" },
  funnel: { en: "funnel", ru: "воронка" },
  stage: { en: "stage", ru: "этап" },
  reason: { en: "lost reason", ru: "причина" },
  attribute: { en: "contact field", ru: "поле контакта" },
  channel: { en: "channel", ru: "канал" },
  text: { en: "message text", ru: "текст" },
  url: { en: "address", ru: "адрес" },
  audienceId: { en: "audience", ru: "аудитория" },
  segment: { en: "segment", ru: "сегмент" },
  duration: { en: "how long to wait", ru: "длительность" },
  timeout: { en: "how long to wait for the event", ru: "срок ожидания" },
  branches: { en: "branches", ru: "ветки" },
  condition: { en: "a rule of the condition", ru: "правило условия" },
  name: { en: "name", ru: "название" },
  set: { en: "what to change", ru: "изменения" },
  discountPercent: { en: "discount size", ru: "размер скидки" },
  message: { en: "notification text", ru: "текст уведомления" },
};

function field(v: Violation, lang: "en" | "ru"): string {
  const after = v.path?.split(".data.")[1] ?? "";
  const key = after.split(/[.[]/)[0] ?? "";
  return FIELDS[key]?.[lang] ?? (lang === "ru" ? "настройка" : "a setting");
}

/**
 * A violation in this page load's language. The validator words its messages in English; the
 * Russian UI says the same per code, and a missing setting is named in words in both (the step
 * itself is named beside the message).
 */
export function violationText(v: Violation): string {
  if (locale() !== "ru") {
    // The validator names fields as the graph spells them ("templateId"); say them in words.
    return v.code === "missing-config" ? `Not filled in: ${field(v, "en")}.` : v.message;
  }
  switch (v.code) {
    case "no-trigger":
      return "Добавьте триггер: без него в цепочку никто не попадёт.";
    case "trigger-not-connected":
      return "Триггер ни с чем не соединён.";
    case "unreachable-node":
      return "До этого шага не дойти ни от одного триггера.";
    case "missing-config":
      return `Не заполнено: ${field(v, "ru")}.`;
    case "invalid-config":
      return `Неверное значение: ${field(v, "ru")}.`;
    case "split-weights":
      return "Доли веток должны давать в сумме 100%.";
    case "cycle-without-wait":
      return "Шаг стоит в петле без паузы — контакт ходил бы по кругу бесконечно. Добавьте в петлю паузу или ожидание события.";
    case "duplicate-handle":
      return "Из одного выхода шага идёт несколько стрелок; оставьте одну.";
    case "unknown-handle":
      return "Стрелка выходит из выхода, которого у шага нет; соедините заново.";
    case "edge-into-trigger":
      return "Стрелка ведёт в триггер, а триггер может только начинать цепочку.";
    case "dangling-edge":
      return "Стрелка ведёт к шагу, которого нет.";
    case "goal-nothing-to-measure":
      return "У цели не задано ни событие, ни условие.";
    case "unknown-node-type":
      return "Неизвестный вид шага.";
    case "duplicate-node-id":
      return "У двух шагов одинаковый идентификатор.";
    case "duplicate-branch":
      return "У двух веток одинаковый идентификатор.";
    default:
      return v.message;
  }
}
