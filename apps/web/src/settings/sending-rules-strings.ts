import { localized } from "../i18n/index.ts";

type Unit = "minutes" | "hours" | "days" | "weeks";
type Forms = { one: string; few?: string; many?: string; other: string };

/** The sending rules section of the settings page. */
export const rulesStrings = localized({
  en: {
    title: "Sending rules",
    hint: "Keep contacts from getting too many messages, or messages at night. Emails and messenger and SMS messages all count.",
    loading: "Loading sending rules…",
    quietTitle: "Quiet hours",
    quietOn: "Hold messages at night",
    quietBefore: "Don't send between",
    quietMiddle: "and",
    quietAfter: "in the contact's time zone.",
    quietFrom: "Quiet hours start",
    quietTo: "Quiet hours end",
    quietHint:
      "A message due in quiet hours waits until they end. For a contact whose time zone is unknown, UTC is used.",
    capTitle: "Frequency cap",
    capOn: "Limit how often one contact hears from you",
    capBefore: "At most",
    capMessages: { one: "message", other: "messages" } as Forms,
    capPer: "per",
    capAfter: "to one contact.",
    capMax: "Most messages",
    capAmount: "Period length",
    capUnit: "Period unit",
    capHint: "Counted across all journeys. A message over the cap waits until it fits.",
    units: {
      minutes: { one: "minute", other: "minutes" },
      hours: { one: "hour", other: "hours" },
      days: { one: "day", other: "days" },
      weeks: { one: "week", other: "weeks" },
    } as Record<Unit, Forms>,
    appliesNote:
      "These rules apply to journeys published from now on. Journeys already live keep the rules they were published with until you publish them again, and a journey with its own quiet hours or cap keeps its own.",
    readOnly: "Only the workspace's owners and admins can change these rules.",
    save: "Save rules",
    saving: "Saving…",
    saved: "Saved.",
    lastChanged: (when: string) => `Last changed ${when}.`,
    neverSaved: "Not set yet: journeys send at any hour, without a cap.",
    badTime: "Enter both times as HH:MM, for example 21:00.",
    sameTime: "Quiet hours must start and end at different times.",
    badMax: "The number of messages must be a whole number from 1 to 1000.",
    badAmount: "The period must be a whole number from 1 to 365.",
    confirmTitle: "Save the sending rules?",
    confirmQuiet: (from: string, to: string) =>
      `Quiet hours: nothing is sent between ${from} and ${to} in the contact's time zone.`,
    confirmNoQuiet: "Quiet hours: off — messages go out at any hour.",
    confirmCap: (max: string, per: string) =>
      `Frequency cap: at most ${max} per ${per} to one contact.`,
    confirmNoCap: "Frequency cap: off.",
    confirmNote:
      "Journeys you publish from now on will follow these rules. Live journeys change only when you publish them again.",
    cancel: "Cancel",
    confirm: "Save rules",
  },
  ru: {
    title: "Правила отправки",
    hint: "Чтобы контакты не получали слишком много сообщений или сообщений ночью. Учитываются письма, сообщения в мессенджерах и SMS.",
    loading: "Загружаем правила отправки…",
    quietTitle: "Тихие часы",
    quietOn: "Не отправлять ночью",
    quietBefore: "Не отправлять с",
    quietMiddle: "до",
    quietAfter: "по времени контакта.",
    quietFrom: "Начало тихих часов",
    quietTo: "Конец тихих часов",
    quietHint:
      "Сообщение, которое пришлось на тихие часы, ждёт их окончания. Если часовой пояс контакта неизвестен, берётся UTC.",
    capTitle: "Ограничение частоты",
    capOn: "Ограничить, как часто контакт получает сообщения",
    capBefore: "Не больше",
    capMessages: { one: "сообщения", other: "сообщений" } as Forms,
    capPer: "за",
    capAfter: "одному контакту.",
    capMax: "Сколько сообщений",
    capAmount: "Длина периода",
    capUnit: "Единица периода",
    capHint:
      "Считается по всем цепочкам вместе. Сообщение сверх лимита ждёт, пока не уложится в него.",
    units: {
      minutes: { one: "минуту", few: "минуты", many: "минут", other: "минуты" },
      hours: { one: "час", few: "часа", many: "часов", other: "часа" },
      days: { one: "день", few: "дня", many: "дней", other: "дня" },
      weeks: { one: "неделю", few: "недели", many: "недель", other: "недели" },
    } as Record<Unit, Forms>,
    appliesNote:
      "Правила действуют для цепочек, опубликованных с этого момента. Уже запущенные цепочки работают по прежним правилам, пока вы не опубликуете их заново, а цепочка со своими тихими часами или лимитом сохраняет свои.",
    readOnly: "Менять эти правила могут только владельцы и администраторы пространства.",
    save: "Сохранить правила",
    saving: "Сохраняем…",
    saved: "Сохранено.",
    lastChanged: (when: string) => `Изменены ${when}.`,
    neverSaved: "Пока не заданы: цепочки отправляют в любое время и без лимита.",
    badTime: "Укажите оба времени в виде ЧЧ:ММ, например 21:00.",
    sameTime: "Начало и конец тихих часов должны различаться.",
    badMax: "Число сообщений — целое, от 1 до 1000.",
    badAmount: "Период — целое число от 1 до 365.",
    confirmTitle: "Сохранить правила отправки?",
    confirmQuiet: (from: string, to: string) =>
      `Тихие часы: с ${from} до ${to} по времени контакта ничего не отправляется.`,
    confirmNoQuiet: "Тихие часы: выключены — сообщения уходят в любое время.",
    confirmCap: (max: string, per: string) => `Лимит: не больше ${max} за ${per} одному контакту.`,
    confirmNoCap: "Лимит частоты: выключен.",
    confirmNote:
      "Цепочки, которые вы опубликуете с этого момента, будут следовать этим правилам. Запущенные изменятся, только когда вы опубликуете их заново.",
    cancel: "Отмена",
    confirm: "Сохранить правила",
  },
});
