import type { Violation } from "@voronka/journey";
import { locale } from "../i18n/index.ts";

/** Russian names of the settings a violation can point at; others are shown as they are. */
const FIELDS_RU: Record<string, string> = {
  event: "название события",
  templateId: "шаблон письма",
  funnel: "воронка",
  stage: "этап",
  reason: "причина",
  attribute: "поле контакта",
  channel: "канал",
  text: "текст",
  url: "адрес",
  audienceId: "аудитория",
  segment: "сегмент",
  duration: "длительность",
  timeout: "срок ожидания",
  branches: "ветки",
  condition: "условие",
  name: "название",
  set: "изменения",
  discountPercent: "размер скидки",
  message: "текст уведомления",
};

function field(v: Violation): string {
  const after = v.path?.split(".data.")[1] ?? "";
  const key = after.split(/[.[]/)[0] ?? "";
  return FIELDS_RU[key] ?? (key || "настройка");
}

/**
 * A violation in this page load's language. The validator words its messages in English; the
 * Russian UI says the same per code (the step itself is named beside the message).
 */
export function violationText(v: Violation): string {
  if (locale() !== "ru") return v.message;
  switch (v.code) {
    case "no-trigger":
      return "Добавьте триггер: без него в цепочку никто не попадёт.";
    case "trigger-not-connected":
      return "Триггер ни с чем не соединён.";
    case "unreachable-node":
      return "До этого шага не дойти ни от одного триггера.";
    case "missing-config":
      return `Не заполнено: ${field(v)}.`;
    case "invalid-config":
      return `Неверное значение: ${field(v)}.`;
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
