import { localized } from "../i18n/index.ts";

/** The frame around every page: navigation, user menu, loading and error states. */
export const shellStrings = localized({
  en: {
    nav: {
      journeys: "Journeys",
      contacts: "Contacts",
      funnels: "Funnels",
      templates: "Templates",
      analytics: "Analytics",
      audiences: "Audiences",
      mailbox: "Dev mailbox",
      settings: "Settings",
    },
    mainNav: "Main",
    roles: { owner: "Owner", admin: "Admin", member: "Member" } as Record<string, string>,
    language: "Language",
    signOut: "Sign out",
    signingOut: "Signing out…",
    loadingApp: "Loading Voronka…",
    notAnswering: "Voronka isn't answering",
    tryAgain: "Try again",
  },
  ru: {
    nav: {
      journeys: "Цепочки",
      contacts: "Контакты",
      funnels: "Воронки",
      templates: "Шаблоны",
      analytics: "Аналитика",
      audiences: "Аудитории",
      mailbox: "Тестовая почта",
      settings: "Настройки",
    },
    mainNav: "Главное меню",
    roles: { owner: "Владелец", admin: "Администратор", member: "Участник" } as Record<
      string,
      string
    >,
    language: "Язык",
    signOut: "Выйти",
    signingOut: "Выходим…",
    loadingApp: "Загружаем Voronka…",
    notAnswering: "Voronka не отвечает",
    tryAgain: "Повторить",
  },
});
