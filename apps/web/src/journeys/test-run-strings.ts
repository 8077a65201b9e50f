import { localized } from "../i18n/index.ts";
import { en, ru } from "./word-count.ts";

/** The test-run panel. */
export const testRunStrings = localized({
  en: {
    title: "Test run",
    intro: "Walk one contact through this draft and see where they go. Nothing is sent.",
    close: "Close test run",
    who: "Contact",
    describe: "Describe a contact",
    existing: "An existing contact",
    search: "Find a contact",
    searchPlaceholder: "Name, email or phone",
    noMatches: "No contact matches.",
    chosen: (name: string) => `Testing with ${name}`,
    change: "Change",
    fields: "Contact fields",
    fieldsHint: "For conditions on the contact, e.g. city = Berlin or plan = pro.",
    field: "Field",
    value: "Value",
    addField: "Add a field",
    remove: "Remove",
    tags: "Tags",
    tagsHint: "Separated by commas.",
    consentEmail: "Agreed to receive emails",
    consentMessages: "Agreed to receive SMS and messages",
    entersWith: (event: string) => `Enters with “${event}”, carrying`,
    entersWithHint: "Event details the journey looks at, e.g. cartValue = 150.",
    addDetail: "Add a detail",
    timeline: "Then",
    timelineEmpty: "Nothing else happens. Add what the contact does, and how much time passes.",
    event: "Contact does",
    eventName: "Event name",
    wait: "Time passes",
    addEvent: "+ Contact does something",
    addWait: "+ Time passes",
    runOn: "Afterwards, let time run for",
    days: "days",
    run: "Run test",
    running: "Running…",
    fixFirst: "Fix the problems listed below before a test run.",
    result: "Result",
    nothingSent: "Simulated only: nothing was sent, saved or synced.",
    path: "Path",
    effects: "What would happen",
    noEffects: "No emails, messages or changes on this path.",
    outcome: {
      converted: (step: string, at: string) => `Reached the goal “${step}” on ${at}.`,
      exited: (step: string, at: string) => `Left the journey at “${step}” on ${at}.`,
      waitingEvent: (step: string, event: string, until: string | null) =>
        until
          ? `Still waiting at “${step}” for “${event}”, at most until ${until}.`
          : `Still waiting at “${step}” for “${event}”.`,
      waiting: (step: string, until: string | null) =>
        until ? `Still waiting at “${step}” until ${until}.` : `Still waiting at “${step}”.`,
      active: (step: string) => `Stopped at “${step}”.`,
    },
    effect: {
      "send-email": (d: Record<string, unknown>) => `Email “${String(d.templateId)}” sent`,
      "send-message": (d: Record<string, unknown>) =>
        `${String(d.channel).toUpperCase()} sent${d.text ? `: “${String(d.text)}”` : ""}`,
      audience: (d: Record<string, unknown>) =>
        d.action === "remove"
          ? `Removed from ad audience “${String(d.audienceId)}”`
          : `Added to ad audience “${String(d.audienceId)}”`,
      "move-stage": (d: Record<string, unknown>) => `Moved to funnel stage “${String(d.stage)}”`,
      "mark-lost": (d: Record<string, unknown>) => `Deal marked lost: ${String(d.reason)}`,
      "update-contact": () => "Contact updated",
      "issue-promo-code": (d: Record<string, unknown>) =>
        `Promo code for ${String(d.discountPercent)}% off issued`,
      webhook: (d: Record<string, unknown>) => `Webhook called: ${String(d.url)}`,
      "notify-manager": (d: Record<string, unknown>) => `Manager notified: “${String(d.message)}”`,
      exit: () => "Left the journey",
      converted: (d: Record<string, unknown>) => `Goal reached: ${String(d.goal)}`,
    } as Record<string, (d: Record<string, unknown>) => string>,
    unitLabels: { minutes: "minutes", hours: "hours", days: "days", weeks: "weeks" },
  },
  ru: {
    title: "Тестовый прогон",
    intro:
      "Проведите одного контакта по черновику и посмотрите, куда он попадёт. Ничего не отправляется.",
    close: "Закрыть тестовый прогон",
    who: "Контакт",
    describe: "Описать контакт",
    existing: "Взять существующий",
    search: "Найти контакт",
    searchPlaceholder: "Имя, email или телефон",
    noMatches: "Подходящих контактов нет.",
    chosen: (name: string) => `Проверяем на контакте ${name}`,
    change: "Сменить",
    fields: "Поля контакта",
    fieldsHint: "Для условий по контакту, например city = Москва или plan = pro.",
    field: "Поле",
    value: "Значение",
    addField: "Добавить поле",
    remove: "Убрать",
    tags: "Теги",
    tagsHint: "Через запятую.",
    consentEmail: "Согласен получать письма",
    consentMessages: "Согласен получать SMS и сообщения",
    entersWith: (event: string) => `Входит с событием «${event}», в котором`,
    entersWithHint: "Данные события, на которые смотрит цепочка, например cartValue = 150.",
    addDetail: "Добавить значение",
    timeline: "Дальше",
    timelineEmpty:
      "Больше ничего не происходит. Добавьте, что делает контакт и сколько проходит времени.",
    event: "Контакт делает",
    eventName: "Название события",
    wait: "Проходит время",
    addEvent: "+ Контакт что-то делает",
    addWait: "+ Проходит время",
    runOn: "Потом дать времени идти ещё",
    days: "дней",
    run: "Запустить",
    running: "Прогоняем…",
    fixFirst: "Перед прогоном исправьте проблемы из списка ниже.",
    result: "Результат",
    nothingSent: "Это симуляция: ничего не отправлено, не сохранено и не передано.",
    path: "Путь",
    effects: "Что произошло бы",
    noEffects: "На этом пути нет писем, сообщений и изменений.",
    outcome: {
      converted: (step: string, at: string) => `Достиг цели «${step}» ${at}.`,
      exited: (step: string, at: string) => `Вышел из цепочки на шаге «${step}» ${at}.`,
      waitingEvent: (step: string, event: string, until: string | null) =>
        until
          ? `Всё ещё ждёт на шаге «${step}» события «${event}», самое позднее до ${until}.`
          : `Всё ещё ждёт на шаге «${step}» события «${event}».`,
      waiting: (step: string, until: string | null) =>
        until ? `Всё ещё ждёт на шаге «${step}» до ${until}.` : `Всё ещё ждёт на шаге «${step}».`,
      active: (step: string) => `Остановился на шаге «${step}».`,
    },
    effect: {
      "send-email": (d: Record<string, unknown>) => `Письмо «${String(d.templateId)}» отправлено`,
      "send-message": (d: Record<string, unknown>) =>
        `${String(d.channel).toUpperCase()} отправлено${d.text ? `: «${String(d.text)}»` : ""}`,
      audience: (d: Record<string, unknown>) =>
        d.action === "remove"
          ? `Убран из рекламной аудитории «${String(d.audienceId)}»`
          : `Добавлен в рекламную аудиторию «${String(d.audienceId)}»`,
      "move-stage": (d: Record<string, unknown>) => `Переведён на этап «${String(d.stage)}»`,
      "mark-lost": (d: Record<string, unknown>) => `Сделка проиграна: ${String(d.reason)}`,
      "update-contact": () => "Контакт изменён",
      "issue-promo-code": (d: Record<string, unknown>) =>
        `Выдан промокод на скидку ${String(d.discountPercent)}%`,
      webhook: (d: Record<string, unknown>) => `Вызван вебхук: ${String(d.url)}`,
      "notify-manager": (d: Record<string, unknown>) =>
        `Менеджер уведомлён: «${String(d.message)}»`,
      exit: () => "Вышел из цепочки",
      converted: (d: Record<string, unknown>) => `Цель достигнута: ${String(d.goal)}`,
    } as Record<string, (d: Record<string, unknown>) => string>,
    unitLabels: { minutes: "минут", hours: "часов", days: "дней", weeks: "недель" },
  },
});

type Unit = "minutes" | "hours" | "days" | "weeks";

/** The journey settings on the canvas: quiet hours and the per-contact send limit. */
export const journeySettingsStrings = localized({
  en: {
    title: "Journey settings",
    open: "Journey settings",
    none: "No quiet hours, no send limit",
    quietSummary: (from: string, to: string) => `Quiet hours ${from}–${to}`,
    capSummary: (max: number, per: string) =>
      `At most ${en(max, "message", "messages")} per ${per}`,
    per: (amount: number, unit: Unit) =>
      amount === 1
        ? { minutes: "minute", hours: "hour", days: "day", weeks: "week" }[unit]
        : `${amount} ${unit}`,
    quietHours: "Quiet hours",
    quietHint:
      "No emails or messages in this range, in each contact's own time zone; they wait until it ends. It may span midnight.",
    from: "From",
    to: "To",
    cap: "Send limit",
    capHint:
      "At most this many emails and messages to one contact, counted across all journeys; the rest wait until allowed.",
    max: "At most",
    messages: "messages",
    perWord: "per",
    perAmount: "Period length",
    perUnit: "Period unit",
    unitLabels: { minutes: "minutes", hours: "hours", days: "days", weeks: "weeks" },
    badMax: "The limit is a whole number of 1 or more.",
    badPer: "The period is a number above 0.",
    badTime: "Give both times as HH:MM.",
    readOnly: "A published version's settings can be read, not changed.",
    save: "Save settings",
    cancel: "Cancel",
    close: "Close",
  },
  ru: {
    title: "Настройки цепочки",
    open: "Настройки цепочки",
    none: "Без тихих часов и лимита отправок",
    quietSummary: (from: string, to: string) => `Тихие часы ${from}–${to}`,
    capSummary: (max: number, per: string) =>
      `Не больше ${ru(max, "сообщения", "сообщений", "сообщений")} за ${per}`,
    per: (amount: number, unit: Unit) =>
      amount === 1
        ? { minutes: "минуту", hours: "час", days: "день", weeks: "неделю" }[unit]
        : {
            minutes: ru(amount, "минуту", "минуты", "минут"),
            hours: ru(amount, "час", "часа", "часов"),
            days: ru(amount, "день", "дня", "дней"),
            weeks: ru(amount, "неделю", "недели", "недель"),
          }[unit],
    quietHours: "Тихие часы",
    quietHint:
      "В это время письма и сообщения не уходят — по часовому поясу каждого контакта; они ждут окончания. Можно через полночь.",
    from: "С",
    to: "До",
    cap: "Лимит отправок",
    capHint:
      "Не больше стольких писем и сообщений одному контакту, считая все цепочки; остальные ждут, пока станет можно.",
    max: "Не больше",
    messages: "сообщений",
    perWord: "за",
    perAmount: "Длина периода",
    perUnit: "Единица периода",
    unitLabels: { minutes: "минут", hours: "часов", days: "дней", weeks: "недель" },
    badMax: "Лимит — целое число от 1.",
    badPer: "Период — число больше 0.",
    badTime: "Укажите оба времени в виде ЧЧ:ММ.",
    readOnly: "Настройки опубликованной версии можно посмотреть, но не изменить.",
    save: "Сохранить",
    cancel: "Отмена",
    close: "Закрыть",
  },
});
