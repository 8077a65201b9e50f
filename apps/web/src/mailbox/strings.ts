import { localized } from "../i18n/index.ts";

/** Every string of the dev mailbox, in English and Russian. */
export const mailboxStrings = localized({
  en: {
    title: "Dev mailbox",
    description:
      "While no SMTP server is set up, every email Voronka sends lands here instead of going out.",
    refresh: "Refresh",
    loading: "Loading emails…",
    emptyTitle: "No emails yet",
    emptyBody:
      "Send a test from a template, or publish a journey with a “send email” step: the emails appear here, exactly as they would arrive.",
    openTemplates: "Go to templates",
    listLabel: "Emails",
    to: "To",
    from: "From",
    date: "Date",
    subject: "Subject",
    messageId: "Message-ID",
    tabHtml: "HTML",
    tabText: "Plain text",
    tabHeaders: "Headers",
    frame: "Email body",
    noSubject: "(no subject)",
    smtpHint: "To send real emails, add an SMTP server in",
    settings: "Settings",
    loadOlder: "Show older",
  },
  ru: {
    title: "Тестовая почта",
    description:
      "Пока SMTP-сервер не настроен, все письма Voronka попадают сюда, а не уходят адресатам.",
    refresh: "Обновить",
    loading: "Загружаем письма…",
    emptyTitle: "Писем пока нет",
    emptyBody:
      "Отправьте тестовое письмо из шаблона или опубликуйте цепочку с шагом «Отправить письмо» — письма появятся здесь точно такими, какими их получат.",
    openTemplates: "К шаблонам",
    listLabel: "Письма",
    to: "Кому",
    from: "От",
    date: "Дата",
    subject: "Тема",
    messageId: "Message-ID",
    tabHtml: "HTML",
    tabText: "Текст",
    tabHeaders: "Заголовки",
    frame: "Текст письма",
    noSubject: "(без темы)",
    smtpHint: "Чтобы отправлять настоящие письма, добавьте SMTP-сервер в разделе",
    settings: "Настройки",
    loadOlder: "Показать более ранние",
  },
});
