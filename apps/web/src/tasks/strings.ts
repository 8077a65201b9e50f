import { localized } from "../i18n/index.ts";

/** Every string of the tasks page, in English and Russian. */
export const taskStrings = localized({
  en: {
    nav: "Tasks",
    title: "Tasks",
    description:
      "Calls and follow-ups for the sales team, created by the “notify a manager” steps of your journeys.",
    tabOpen: "To do",
    tabDone: "Done",
    loading: "Loading tasks…",
    emptyOpenTitle: "Nothing to do right now",
    emptyOpenBody:
      "Add a “notify a manager” step to a journey: when a contact reaches it, a task appears here — with an email to the manager if you choose.",
    emptyDoneTitle: "No finished tasks yet",
    emptyDoneBody: "Tasks you mark as done are kept here.",
    openJourneys: "Go to journeys",
    columns: {
      task: "Task",
      contact: "Contact",
      journey: "Journey",
      due: "Due",
      assignee: "Assigned to",
      actions: "Actions",
    },
    unknownContact: "Unnamed contact",
    anyone: "Anyone",
    overdue: "Overdue",
    complete: "Mark done",
    completedAt: (when: string) => `Done ${when}`,
  },
  ru: {
    nav: "Задачи",
    title: "Задачи",
    description:
      "Звонки и напоминания для отдела продаж — их создают шаги «Уведомить менеджера» в ваших цепочках.",
    tabOpen: "К выполнению",
    tabDone: "Выполненные",
    loading: "Загружаем задачи…",
    emptyOpenTitle: "Сейчас задач нет",
    emptyOpenBody:
      "Добавьте в цепочку шаг «Уведомить менеджера»: когда контакт до него дойдёт, здесь появится задача — и, если хотите, письмо менеджеру.",
    emptyDoneTitle: "Выполненных задач пока нет",
    emptyDoneBody: "Задачи, отмеченные выполненными, хранятся здесь.",
    openJourneys: "К цепочкам",
    columns: {
      task: "Задача",
      contact: "Контакт",
      journey: "Цепочка",
      due: "Срок",
      assignee: "Исполнитель",
      actions: "Действия",
    },
    unknownContact: "Контакт без имени",
    anyone: "Любой",
    overdue: "Просрочена",
    complete: "Выполнено",
    completedAt: (when: string) => `Выполнена ${when}`,
  },
});
