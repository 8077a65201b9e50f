import { localized } from "../i18n/index.ts";
import { count, formatNumber } from "../ui/plural.ts";

const ruContacts = { one: "контакт", few: "контакта", many: "контактов", other: "контакта" };

/** Strings of the contacts list's bulk actions, in English and Russian. */
export const bulkStrings = localized({
  en: {
    barLabel: "Bulk actions",
    selectAll: "Select all on this page",
    selectOne: (name: string) => `Select ${name}`,
    selected: (n: number) => `${formatNumber(n)} selected`,
    clear: "Clear selection",
    addToStage: "Add to funnel",
    hint: "Tick contacts to move them to a funnel stage or enroll them in a journey.",
    stage: "Stage",
    pickFunnel: "Pick a funnel",
    pickStage: "Pick a stage",
    move: "Move",
    moving: "Moving…",
    exportCsv: "Export CSV",
    exportHint: "Exports every contact matching the current filters.",
    moved: (n: number, stage: string) =>
      `${n === 1 ? "1 contact" : `${formatNumber(n)} contacts`} moved to ${stage}`,
    alreadyThere: (n: number) =>
      n === 1 ? "1 was already there" : `${formatNumber(n)} were already there`,
    failed: (n: number) => `${formatNumber(n)} failed`,
    journey: "Enroll in a journey",
    pickJourney: "Pick a live journey",
    enroll: "Enroll",
    enrolling: "Enrolling…",
    enrolled: (n: number, journey: string) =>
      `${n === 1 ? "1 contact" : `${formatNumber(n)} contacts`} enrolled in ${journey}`,
    skipped: (n: number) => `${formatNumber(n)} kept out by the journey's re-entry rule`,
    enrollFailed: (journey: string, why: string) => `Enrolling in ${journey} failed: ${why}`,
  },
  ru: {
    barLabel: "Действия с выбранными",
    selectAll: "Выбрать всех на странице",
    selectOne: (name: string) => `Выбрать: ${name}`,
    selected: (n: number) => `Выбрано: ${formatNumber(n)}`,
    clear: "Снять выбор",
    addToStage: "Добавить в воронку",
    hint: "Отметьте контакты, чтобы перенести их на этап воронки или запустить в цепочку.",
    stage: "Этап",
    pickFunnel: "Выберите воронку",
    pickStage: "Выберите этап",
    move: "Перенести",
    moving: "Переносим…",
    exportCsv: "Экспорт CSV",
    exportHint: "Выгружает всех контактов, подходящих под текущие фильтры.",
    moved: (n: number, stage: string) =>
      `${count(n, ruContacts)} ${n % 10 === 1 && n % 100 !== 11 ? "перенесён" : "перенесены"} на этап «${stage}»`,
    alreadyThere: (n: number) => `уже были там: ${formatNumber(n)}`,
    failed: (n: number) => `ошибок: ${formatNumber(n)}`,
    journey: "Запустить в цепочку",
    pickJourney: "Выберите активную цепочку",
    enroll: "Запустить",
    enrolling: "Запускаем…",
    enrolled: (n: number, journey: string) =>
      `${count(n, ruContacts)} ${n % 10 === 1 && n % 100 !== 11 ? "запущен" : "запущены"} в цепочку «${journey}»`,
    skipped: (n: number) => `не вошли по правилу повторного входа: ${formatNumber(n)}`,
    enrollFailed: (journey: string, why: string) => `Не удалось запустить в «${journey}»: ${why}`,
  },
});
