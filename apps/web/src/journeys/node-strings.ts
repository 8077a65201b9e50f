import { localized } from "../i18n/index.ts";
import { en, ru } from "./word-count.ts";

/** Words on the canvas steps. */
export const nodeStrings = localized({
  en: {
    kind: { Triggers: "Trigger", Flow: "Flow", Actions: "Action" },
    problems: (n: number) => en(n, "problem", "problems"),
    entered: "entered",
    waiting: "waiting",
    converted: "converted",
    output: (label: string) => `Output ${label}`,
    handles: {
      out: "Next",
      yes: "Yes",
      no: "No",
      event: "Event happened",
      timeout: "Timed out",
      holdout: "Holdout",
    } as Record<string, string>,
    branch: (n: number) => `Branch ${n}`,
    visited: (time: string) => `Reached ${time}`,
    branchLegend: "Per branch: entered · conversion",
    branchStat: (entered: number, converted: number, rate: string) =>
      `${entered} entered this branch, ${converted} of them converted (${rate})`,
  },
  ru: {
    kind: { Triggers: "Триггер", Flow: "Логика", Actions: "Действие" },
    problems: (n: number) => ru(n, "проблема", "проблемы", "проблем"),
    entered: "вошли",
    waiting: "ждут",
    converted: "достигли цели",
    output: (label: string) => `Выход «${label}»`,
    handles: {
      out: "Дальше",
      yes: "Да",
      no: "Нет",
      event: "Событие было",
      timeout: "Время вышло",
      holdout: "Контрольная группа",
    } as Record<string, string>,
    branch: (n: number) => `Ветка ${n}`,
    visited: (time: string) => `Пройден ${time}`,
    branchLegend: "По веткам: вошли · конверсия",
    branchStat: (entered: number, converted: number, rate: string) =>
      `В ветку вошли: ${entered}, из них достигли цели: ${converted} (${rate})`,
  },
});

type StepText = Record<string, { label: string; description: string }>;

/** Russian names of the step kinds; English comes from the node catalogue itself. */
export const stepTextRu: StepText = {
  "trigger-event": {
    label: "Событие",
    description:
      "Запускается, когда контакт что-то делает: смотрит страницу, кладёт товар в корзину.",
  },
  "trigger-lead": {
    label: "Новый лид",
    description: "Запускается, когда приходит лид: из формы, мессенджера, звонка или через API.",
  },
  "trigger-stage": {
    label: "Этап воронки",
    description: "Запускается, когда контакт попадает на этап воронки или сделка проиграна.",
  },
  "trigger-attribute": {
    label: "Изменилось поле контакта",
    description: "Запускается, когда меняется поле контакта — любое или на заданное значение.",
  },
  "trigger-date": {
    label: "Наступает дата",
    description: "Запускается в день рождения, дату мероприятия или за несколько дней до неё.",
  },
  "trigger-segment": {
    label: "Вход в сегмент",
    description: "Запускается, когда контакт попадает в сегмент.",
  },
  "trigger-manual": {
    label: "Вручную или через API",
    description: "Запускается, когда контакт добавляют вручную или через API.",
  },
  wait: {
    label: "Пауза",
    description: "Ждёт заданное время, до даты или до разрешённого дня и часа.",
  },
  "wait-for-event": {
    label: "Ждать события",
    description: "Ждёт, пока контакт что-то сделает, или сдаётся по истечении срока.",
  },
  condition: {
    label: "Условие",
    description: "Ведёт контакт по ветке «Да» или «Нет» в зависимости от того, кто он и что делал.",
  },
  split: {
    label: "A/B-тест",
    description: "Делит контакты на ветки в процентах, чтобы понять, что работает лучше.",
  },
  goal: {
    label: "Цель",
    description: "Засчитывает конверсию и завершает цепочку, когда контакт её достиг.",
  },
  exit: { label: "Выход", description: "Завершает цепочку для контакта." },
  "send-email": { label: "Отправить письмо", description: "Отправляет письмо по вашему шаблону." },
  "send-message": {
    label: "SMS или сообщение",
    description: "Отправляет SMS или сообщение в Telegram, WhatsApp или Viber.",
  },
  audience: {
    label: "Рекламная аудитория",
    description: "Добавляет контакт в рекламную аудиторию или убирает из неё.",
  },
  "move-stage": {
    label: "Сменить этап воронки",
    description: "Переводит контакт на этап воронки продаж.",
  },
  "mark-lost": {
    label: "Сделка проиграна",
    description: "Отмечает сделку проигранной и сохраняет причину.",
  },
  "update-contact": {
    label: "Изменить контакт",
    description: "Меняет поля, теги или баллы контакта.",
  },
  "promo-code": {
    label: "Выдать промокод",
    description: "Выдаёт контакту персональный промокод для следующих писем.",
  },
  webhook: {
    label: "Вебхук",
    description: "Отправляет подписанный запрос в вашу систему и может дождаться ответа.",
  },
  "notify-manager": {
    label: "Уведомить менеджера",
    description: "Ставит задачу или пишет письмо отделу продаж.",
  },
};

export const panelStrings = localized({
  en: {
    title: "Step settings",
    nothingSelected: "Select a step on the canvas to set it up.",
    selectedMany: (n: number) =>
      `${n} steps selected. Press Delete to remove them, or Ctrl+C to copy.`,
    delete: "Delete step",
    deleteHint: "Or press Delete.",
    advanced: "Advanced settings (JSON)",
    advancedHint:
      "This step has no form yet. Edit its settings as JSON; they are checked as you type.",
    badJson: "This isn't valid JSON yet; the last valid settings are kept.",
    eventName: "Event name",
    eventNameHint: "Exactly as your website or app sends it, e.g. cart_abandoned.",
    waitFor: "Wait for",
    giveUpAfter: "Give up after",
    waitMode: "Wait",
    waitOther: "This wait is set up in another way (until a date or a time window).",
    waitUseDuration: "Wait a fixed time instead",
    amount: "Amount",
    unit: "Unit",
    units: { minutes: "minutes", hours: "hours", days: "days", weeks: "weeks" },
    branches: "Branches",
    branchName: (n: number) => `Branch ${n} name`,
    branchWeight: (n: number) => `Branch ${n} share (%)`,
    addBranch: "Add a branch",
    removeBranch: "Remove",
    weightSum: (sum: number) => `Total: ${sum}%`,
    weightSumBad: (sum: number) => `Total: ${sum}% — the shares must add up to 100%.`,
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
  },
  ru: {
    title: "Настройки шага",
    nothingSelected: "Выберите шаг на холсте, чтобы настроить его.",
    selectedMany: (n: number) =>
      `Выбрано ${ru(n, "шаг", "шага", "шагов")}. Delete — удалить, Ctrl+C — скопировать.`,
    delete: "Удалить шаг",
    deleteHint: "Или нажмите Delete.",
    advanced: "Расширенные настройки (JSON)",
    advancedHint:
      "Для этого шага пока нет формы. Измените настройки в JSON — они проверяются по мере ввода.",
    badJson: "Это пока не корректный JSON; действуют последние верные настройки.",
    eventName: "Название события",
    eventNameHint:
      "Точно так, как его отправляет ваш сайт или приложение, например cart_abandoned.",
    waitFor: "Сколько ждать",
    giveUpAfter: "Перестать ждать через",
    waitMode: "Пауза",
    waitOther: "Эта пауза настроена иначе (до даты или до разрешённого времени).",
    waitUseDuration: "Ждать фиксированное время",
    amount: "Сколько",
    unit: "Единица",
    units: { minutes: "минут", hours: "часов", days: "дней", weeks: "недель" },
    branches: "Ветки",
    branchName: (n: number) => `Название ветки ${n}`,
    branchWeight: (n: number) => `Доля ветки ${n} (%)`,
    addBranch: "Добавить ветку",
    removeBranch: "Убрать",
    weightSum: (sum: number) => `Итого: ${sum}%`,
    weightSumBad: (sum: number) => `Итого: ${sum}% — доли должны давать в сумме 100%.`,
    subject: "Тема (необязательно)",
    subjectHint: "Оставьте пустой, чтобы взять тему из шаблона.",
    funnel: "Воронка",
    stage: "Этап",
    pickFunnel: "Выберите воронку",
    pickStage: "Выберите этап",
    noFunnels: "Воронок пока нет. Сначала создайте воронку в разделе «Воронки».",
    goalName: "Название цели",
    goalEvent: "Засчитывается, когда контакт совершает (событие)",
    goalEventHint: "например, order_completed",
    exitReason: "Причина (необязательно)",
    exitReasonHint: "Видна в отчётах, например «купил».",
  },
});

/** The one line under a step's title. */
export const summaryStrings = localized({
  en: {
    duration: (amount: number, unit: string) =>
      `${amount} ${amount === 1 ? unit.replace(/s$/, "") : unit}`,
    triggerEvent: (event: string) => `When “${event}” happens`,
    waitForEvent: (event: string, upTo: string) => `For “${event}”, up to ${upTo}`,
    waitFor: (d: string) => `For ${d}`,
    waitUntil: (attribute: string) => `Until ${attribute}`,
    waitWindow: "Until an allowed time",
    template: (id: string) => `Template “${id}”`,
  },
  ru: {
    duration: (amount: number, unit: string) => {
      const forms: Record<string, [string, string, string]> = {
        minutes: ["минуту", "минуты", "минут"],
        hours: ["час", "часа", "часов"],
        days: ["день", "дня", "дней"],
        weeks: ["неделю", "недели", "недель"],
      };
      const f = forms[unit];
      return f ? ru(amount, ...f) : `${amount} ${unit}`;
    },
    triggerEvent: (event: string) => `Когда происходит «${event}»`,
    waitForEvent: (event: string, upTo: string) => `Ждать «${event}» ${upTo}`,
    waitFor: (d: string) => `Ждать ${d}`,
    waitUntil: (attribute: string) => `До даты из поля ${attribute}`,
    waitWindow: "До разрешённого времени",
    template: (id: string) => `Шаблон «${id}»`,
  },
});
