import type { JourneyStatus } from "@voronka/contract";
import { localized } from "../i18n/index.ts";

/** Russian word form for `n`: 1 контакт, 2 контакта, 5 контактов. */
function ru(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${n} ${one}`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} ${few}`;
  return `${n} ${many}`;
}

const en = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

/** Every string of the journeys list. */
export const journeyListStrings = localized({
  en: {
    title: "Journeys",
    description: "Automated paths your contacts walk through, drawn on a canvas.",
    newJourney: "New journey",
    loading: "Loading journeys…",
    emptyTitle: "No journeys yet — draw your first one",
    emptyBody:
      "A journey starts from a trigger — an event, a new lead, a funnel stage — and moves each contact through waits, conditions, emails and funnel moves. Start from a blank canvas or from a ready-made template.",
    createFirst: "Create your first journey",
    columns: {
      name: "Name",
      status: "Status",
      version: "Live version",
      edited: "Last edited",
      actions: "Actions",
    },
    noVersion: "Not published",
    version: (n: number) => `v${n}`,
    duplicate: "Duplicate",
    archive: "Archive",
    archiveTitle: "Archive this journey?",
    archiveBody:
      "It leaves the list and can no longer be edited or published. Nobody is in it, so no contact is affected.",
    archiveLiveHint: "Stop a live or paused journey before archiving it.",
    cancel: "Cancel",
  },
  ru: {
    title: "Цепочки",
    description:
      "Автоматические сценарии, по которым идут ваши контакты, — нарисованные на холсте.",
    newJourney: "Новая цепочка",
    loading: "Загружаем цепочки…",
    emptyTitle: "Цепочек пока нет — нарисуйте первую",
    emptyBody:
      "Цепочка начинается с триггера — события, нового лида, этапа воронки — и ведёт каждого контакта через паузы, условия, письма и переходы по воронке. Начните с чистого холста или с готового шаблона.",
    createFirst: "Создать первую цепочку",
    columns: {
      name: "Название",
      status: "Статус",
      version: "Рабочая версия",
      edited: "Изменена",
      actions: "Действия",
    },
    noVersion: "Не опубликована",
    version: (n: number) => `v${n}`,
    duplicate: "Копировать",
    archive: "В архив",
    archiveTitle: "Отправить цепочку в архив?",
    archiveBody:
      "Она исчезнет из списка, её нельзя будет изменить или опубликовать. В ней никого нет, так что контакты это не затронет.",
    archiveLiveHint: "Чтобы отправить работающую цепочку в архив, сначала остановите её.",
    cancel: "Отмена",
  },
});

export const statusLabels: Record<JourneyStatus, string> = localized({
  en: { draft: "Draft", live: "Live", paused: "Paused", stopped: "Stopped", archived: "Archived" },
  ru: {
    draft: "Черновик",
    live: "Работает",
    paused: "На паузе",
    stopped: "Остановлена",
    archived: "В архиве",
  },
});

export const statusBadge: Record<JourneyStatus, string> = {
  draft: "badge-neutral",
  live: "badge-success",
  paused: "badge-warning",
  stopped: "badge-danger",
  archived: "badge-neutral",
};

export const newJourneyStrings = localized({
  en: {
    title: "New journey",
    name: "Journey name",
    namePlaceholder: "e.g. Abandoned cart",
    startFrom: "Start from",
    blank: "Blank canvas",
    blankHint: "An empty journey; add a trigger first.",
    create: "Create journey",
    creating: "Creating…",
    cancel: "Cancel",
    needName: "Give the journey a name.",
  },
  ru: {
    title: "Новая цепочка",
    name: "Название цепочки",
    namePlaceholder: "например, Брошенная корзина",
    startFrom: "С чего начать",
    blank: "Чистый холст",
    blankHint: "Пустая цепочка; начните с триггера.",
    create: "Создать цепочку",
    creating: "Создаём…",
    cancel: "Отмена",
    needName: "Дайте цепочке название.",
  },
});

/** Names and descriptions of the ready-made journeys offered in "New journey". */
export const templateStrings = localized({
  en: {
    "abandoned-cart": {
      name: "Abandoned cart",
      description: "Reminds shoppers who left items in the cart, then offers a discount.",
    },
    "ecommerce-funnel": {
      name: "Online store welcome",
      description: "Welcomes new sign-ups and nudges them towards a first order.",
    },
    "win-back": {
      name: "Win back lapsed customers",
      description: "An A/B-tested offer for customers who have gone quiet.",
    },
    banquet: {
      name: "Banquet hall sales",
      description: "Follows a lead from enquiry to signed contract and the event itself.",
    },
  },
  ru: {
    "abandoned-cart": {
      name: "Брошенная корзина",
      description: "Напоминает покупателям о товарах в корзине, затем предлагает скидку.",
    },
    "ecommerce-funnel": {
      name: "Приветствие интернет-магазина",
      description: "Встречает новых подписчиков и подводит их к первому заказу.",
    },
    "win-back": {
      name: "Возврат ушедших клиентов",
      description: "Предложение с A/B-тестом для клиентов, которые давно не покупали.",
    },
    banquet: {
      name: "Продажи банкетного зала",
      description: "Ведёт лида от первого обращения до договора и самого мероприятия.",
    },
  },
});

export const editorStrings = localized({
  en: {
    back: "← Journeys",
    loading: "Opening the journey…",
    notFound: "This journey doesn't exist in this workspace.",
    nameLabel: "Journey name",
    saving: "Saving…",
    saved: "Saved",
    unsaved: "Unsaved changes",
    saveFailed: (message: string) => `Couldn't save: ${message}`,
    publish: "Publish",
    publishing: "Publishing…",
    publishBlocked: (n: number) =>
      n === 1 ? "Fix 1 problem to publish" : `Fix ${n} problems to publish`,
    publishTitle: "Publish this journey?",
    publishBody: (live: number | null) =>
      live === null
        ? "The journey goes live: contacts who meet the trigger from now on enter it."
        : `This becomes version ${live + 1}. New contacts enter the new version; contacts already in the journey stay on version ${live}.`,
    changesTitle: "What changes",
    noChanges: "Nothing changed since the live version.",
    changesAdded: (n: number) => en(n, "step added", "steps added"),
    changesRemoved: (n: number) => en(n, "step removed", "steps removed"),
    changesEdited: (n: number) => en(n, "step changed", "steps changed"),
    changesLinks: (n: number) => en(n, "connection changed", "connections changed"),
    changesSettings: "Quiet hours or the send limit changed",
    pause: "Pause",
    resume: "Resume",
    pauseTitle: "Pause this journey?",
    pauseBody:
      "Nobody new enters and nothing is sent until you resume. Contacts already in the journey wait where they are; their events are kept.",
    stop: "Stop",
    stopTitle: "Stop this journey?",
    stopBody:
      "Every contact still in the journey leaves it now, wherever they are: nothing more is sent to them. Nobody new enters. You can publish again later; contacts then start from the trigger.",
    duplicate: "Duplicate",
    duplicateTitle: "Duplicate this journey?",
    duplicateBody:
      "A new draft with the same steps opens. It starts with nobody in it; this journey and the contacts in it are not affected.",
    archive: "Archive",
    archiveTitle: "Archive this journey?",
    archiveBody:
      "It can no longer be edited or published and leaves the journeys list. Nobody is in it, so no contact is affected.",
    more: "More actions",
    cancel: "Cancel",
    readOnlyArchived: "This journey is archived; changes are not saved.",
    liveVersion: (n: number) => `Live version ${n}`,
    draftChanged: "Draft differs from the live version until you publish.",
    palette: "Add a step",
    paletteHint: "Drag onto the canvas or onto an arrow, or click to add.",
    groups: { Triggers: "Triggers", Flow: "Flow", Actions: "Actions" },
    problems: "Problems to fix",
    noProblems: "No problems — ready to publish.",
    journeyProblem: "Journey",
    canvas: "Journey canvas",
    emptyCanvas: "Start with a trigger from the list on the left: it decides who enters.",
    undo: "Undo",
    redo: "Redo",
    autoLayout: "Tidy up",
    autoLayoutHint: "Arrange the steps left to right; you can still move them after.",
    fitView: "Show all",
    history: "Versions",
    draftOption: "Draft (editing)",
    draftWithLive: (n: number) => `Draft · live version ${n}`,
    testRunButton: "Test run",
    versionOption: (n: number, date: string) => `Version ${n} · ${date}`,
    testRun: "Test run",
    editDraft: "Back to the draft",
    viewingVersion: (n: number, date: string) =>
      `You are looking at version ${n}, published ${date}. It can't be changed.`,
    shortcuts:
      "Ctrl+Z undo · Ctrl+Shift+Z redo · Ctrl+C / Ctrl+V copy and paste · Delete removes · Shift+drag selects several",
  },
  ru: {
    back: "← Цепочки",
    loading: "Открываем цепочку…",
    notFound: "В этом пространстве нет такой цепочки.",
    nameLabel: "Название цепочки",
    saving: "Сохраняем…",
    saved: "Сохранено",
    unsaved: "Есть несохранённые изменения",
    saveFailed: (message: string) => `Не удалось сохранить: ${message}`,
    publish: "Опубликовать",
    publishing: "Публикуем…",
    publishBlocked: (n: number) =>
      `Чтобы опубликовать, исправьте ${ru(n, "проблему", "проблемы", "проблем")}`,
    publishTitle: "Опубликовать цепочку?",
    publishBody: (live: number | null) =>
      live === null
        ? "Цепочка заработает: с этого момента в неё будут попадать контакты, для которых сработал триггер."
        : `Это будет версия ${live + 1}. Новые контакты пойдут по новой версии; те, кто уже в цепочке, остаются на версии ${live}.`,
    changesTitle: "Что изменится",
    noChanges: "С рабочей версии ничего не изменилось.",
    changesAdded: (n: number) => `${ru(n, "шаг", "шага", "шагов")}: добавлено`,
    changesRemoved: (n: number) => `${ru(n, "шаг", "шага", "шагов")}: удалено`,
    changesEdited: (n: number) => `${ru(n, "шаг", "шага", "шагов")}: изменены настройки`,
    changesLinks: (n: number) => `${ru(n, "связь", "связи", "связей")}: изменено`,
    changesSettings: "Изменены тихие часы или лимит отправок",
    pause: "Пауза",
    resume: "Продолжить",
    pauseTitle: "Поставить цепочку на паузу?",
    pauseBody:
      "Пока вы не продолжите, новые контакты не входят и ничего не отправляется. Те, кто уже в цепочке, ждут на своих шагах; их события сохраняются.",
    stop: "Остановить",
    stopTitle: "Остановить цепочку?",
    stopBody:
      "Все, кто сейчас в цепочке, сразу выходят из неё, на каком бы шаге ни были: им больше ничего не отправится. Новые контакты не входят. Позже цепочку можно опубликовать снова — тогда контакты начнут с триггера.",
    duplicate: "Копировать",
    duplicateTitle: "Сделать копию цепочки?",
    duplicateBody:
      "Откроется новый черновик с теми же шагами. В нём пока никого нет; эта цепочка и контакты в ней не затрагиваются.",
    archive: "В архив",
    archiveTitle: "Отправить цепочку в архив?",
    archiveBody:
      "Её нельзя будет изменить или опубликовать, и она исчезнет из списка. В ней никого нет, так что контакты это не затронет.",
    more: "Другие действия",
    cancel: "Отмена",
    readOnlyArchived: "Цепочка в архиве; изменения не сохраняются.",
    liveVersion: (n: number) => `Рабочая версия ${n}`,
    draftChanged: "Черновик отличается от рабочей версии, пока вы его не опубликуете.",
    palette: "Добавить шаг",
    paletteHint: "Перетащите на холст или на стрелку, или нажмите, чтобы добавить.",
    groups: { Triggers: "Триггеры", Flow: "Логика", Actions: "Действия" },
    problems: "Что исправить",
    noProblems: "Проблем нет — можно публиковать.",
    journeyProblem: "Цепочка",
    canvas: "Холст цепочки",
    emptyCanvas: "Начните с триггера из списка слева: он решает, кто войдёт в цепочку.",
    undo: "Отменить",
    redo: "Повторить",
    autoLayout: "Упорядочить",
    autoLayoutHint: "Расставить шаги слева направо; двигать их можно и после.",
    fitView: "Показать всё",
    history: "Версии",
    draftOption: "Черновик (правка)",
    draftWithLive: (n: number) => `Черновик · работает v${n}`,
    testRunButton: "Проверить",
    versionOption: (n: number, date: string) => `Версия ${n} · ${date}`,
    testRun: "Тестовый прогон",
    editDraft: "Вернуться к черновику",
    viewingVersion: (n: number, date: string) =>
      `Вы смотрите версию ${n}, опубликованную ${date}. Её нельзя изменить.`,
    shortcuts:
      "Ctrl+Z — отменить · Ctrl+Shift+Z — повторить · Ctrl+C / Ctrl+V — копировать и вставить · Delete — удалить · Shift+перетаскивание — выделить несколько",
  },
});

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
