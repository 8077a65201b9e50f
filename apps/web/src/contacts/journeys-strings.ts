import type { ContactJourneyStatus } from "@voronka/contract";
import { localized } from "../i18n/index.ts";

/** The journeys panel of the contact card. */
export const journeyPanelStrings = localized({
  en: {
    title: "Journeys",
    hint: "Where this contact is in each journey.",
    loading: "Loading journeys…",
    empty: "Not in any journey yet.",
    emptyNext:
      "To enroll this contact, tick them on the contacts list and choose “Enroll in a journey”.",
    toContacts: "Go to the contacts list",
    status: {
      active: "Moving",
      waiting: "Waiting",
      completed: "Completed",
      converted: "Converted",
      exited: "Left",
    } as Record<ContactJourneyStatus, string>,
    atStep: (step: string) => `At: ${step}`,
    endedAt: (step: string) => `Ended at: ${step}`,
    notStarted: "Starting…",
    waitsFor: (event: string) => `waits for “${event}”`,
    until: (when: string) => `until ${when}`,
    entered: (when: string) => `entered ${when}`,
    moved: (when: string) => `last moved ${when}`,
    reason: (why: string) => `reason: ${why}`,
    version: (n: number) => `v${n}`,
    openEditor: (name: string) => `Open ${name} in the journey editor`,
  },
  ru: {
    title: "Цепочки",
    hint: "Где этот контакт в каждой цепочке.",
    loading: "Загружаем цепочки…",
    empty: "Пока не участвует ни в одной цепочке.",
    emptyNext:
      "Чтобы запустить контакт в цепочку, отметьте его в списке контактов и выберите «Запустить в цепочку».",
    toContacts: "К списку контактов",
    status: {
      active: "Движется",
      waiting: "Ждёт",
      completed: "Прошёл до конца",
      converted: "Достиг цели",
      exited: "Вышел",
    } as Record<ContactJourneyStatus, string>,
    atStep: (step: string) => `Шаг: ${step}`,
    endedAt: (step: string) => `Закончил на шаге: ${step}`,
    notStarted: "Запускается…",
    waitsFor: (event: string) => `ждёт «${event}»`,
    until: (when: string) => `до ${when}`,
    entered: (when: string) => `вошёл ${when}`,
    moved: (when: string) => `последний шаг ${when}`,
    reason: (why: string) => `причина: ${why}`,
    version: (n: number) => `в${n}`,
    openEditor: (name: string) => `Открыть «${name}» в редакторе цепочек`,
  },
});
