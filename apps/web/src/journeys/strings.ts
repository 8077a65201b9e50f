import type { JourneyStatus } from "@voronka/contract";
import { localized } from "../i18n/index.ts";
import { en, ru } from "./word-count.ts";

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

// The canvas steps and side panel, and the test run and journey settings, have their own files.
export * from "./node-strings.ts";
export * from "./test-run-strings.ts";
