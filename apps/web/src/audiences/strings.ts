import { localized } from "../i18n/index.ts";
import { count } from "../ui/plural.ts";

const contactsEn = { one: "contact", other: "contacts" };
const contactsRu = { one: "контакт", few: "контакта", many: "контактов", other: "контакта" };

/** Every string of the audiences screen, in English and Russian. */
export const audienceStrings = localized({
  en: {
    nav: "Audiences",
    title: "Ad audiences",
    description:
      "Who sees your ads on Meta, Google, VK and Yandex. Audiences are sent to the ad platforms every few minutes.",
    loading: "Loading audiences…",
    emptyTitle: "No ad audiences yet",
    emptyBody:
      "Give each stage of a funnel its own audience below, so a client sees only the ads of their stage and the next stage’s ads once they move on. Or create an audience and fill it from a journey’s “Ad audience” step.",
    newAudience: "New audience",
    namePlaceholder: "Audience name",
    create: "Create",
    creating: "Creating…",
    cancel: "Cancel",
    colName: "Audience",
    colMembers: "Contacts",
    colPlatforms: "Ad platforms",
    members: (n: number) => count(n, contactsEn),
    kind: { manual: "Filled by hand", stage: "Funnel stage", journey: "Filled by journeys" },
    platform: { meta: "Meta", google: "Google Ads", vk: "VK Ads", yandex: "Yandex Audience" },
    notLinked: "Not sent to any platform yet",
    never: "waiting for the first sync",
    synced: (when: string) => `synced ${when}`,
    changes: (added: number, removed: number) => `+${added} / −${removed}`,
    syncing: (done: number, total: number) =>
      total > 0 ? `sending ${Math.round((done / total) * 100)} %` : "sending…",
    failed: "last sync failed",
    noAccount: "account not set up",
    syncNow: "Sync now",
    syncQueued: "Queued",
    download: "CSV",
    downloadHashed: "Hashed CSV",
    actions: "Actions",
    stagesTitle: "Each stage has its audience",
    stagesHint:
      "When a contact moves to the next stage, it leaves the old stage’s audience and joins the new one’s at the same moment.",
    noFunnels: "Create a funnel first: its stages get their audiences here.",
    stagesOn: (n: number) => `On · ${n} audiences`,
    stagesOff: "Off",
  },
  ru: {
    nav: "Аудитории",
    title: "Рекламные аудитории",
    description:
      "Кому показывать рекламу в Meta, Google, VK и Яндексе. Аудитории отправляются в рекламные кабинеты каждые несколько минут.",
    loading: "Загружаем аудитории…",
    emptyTitle: "Рекламных аудиторий пока нет",
    emptyBody:
      "Дайте каждому этапу воронки свою аудиторию (ниже) — клиент увидит рекламу только своего этапа, а после перехода — рекламу следующего. Или создайте аудиторию и наполняйте её шагом цепочки «Рекламная аудитория».",
    newAudience: "Новая аудитория",
    namePlaceholder: "Название аудитории",
    create: "Создать",
    creating: "Создаём…",
    cancel: "Отмена",
    colName: "Аудитория",
    colMembers: "Контакты",
    colPlatforms: "Рекламные кабинеты",
    members: (n: number) => count(n, contactsRu),
    kind: { manual: "Вручную", stage: "Этап воронки", journey: "Из цепочек" },
    platform: { meta: "Meta", google: "Google Ads", vk: "VK Реклама", yandex: "Яндекс Аудитории" },
    notLinked: "Пока не отправляется ни в один кабинет",
    never: "ждёт первой отправки",
    synced: (when: string) => `отправлено ${when}`,
    changes: (added: number, removed: number) => `+${added} / −${removed}`,
    syncing: (done: number, total: number) =>
      total > 0 ? `отправляем ${Math.round((done / total) * 100)} %` : "отправляем…",
    failed: "последняя отправка не удалась",
    noAccount: "кабинет не подключён",
    syncNow: "Отправить сейчас",
    syncQueued: "В очереди",
    download: "CSV",
    downloadHashed: "CSV с хешами",
    actions: "Действия",
    stagesTitle: "У каждого этапа своя аудитория",
    stagesHint:
      "Когда контакт переходит на следующий этап, он в тот же момент выходит из аудитории старого этапа и входит в аудиторию нового.",
    noFunnels: "Сначала создайте воронку: здесь её этапы получат свои аудитории.",
    stagesOn: (n: number) => `Включено · аудиторий: ${n}`,
    stagesOff: "Выключено",
  },
});
