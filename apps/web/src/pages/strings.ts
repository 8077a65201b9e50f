import { localized } from "../i18n/index.ts";

/** Sign-in, not-found and placeholder pages. */
export const pageStrings = localized({
  en: {
    signIn: {
      docTitle: "Sign in",
      title: "Sign in to Voronka",
      tagline: "Journeys, funnels and contacts for your workspace.",
      email: "Email",
      password: "Password",
      submit: "Sign in",
      submitting: "Signing in…",
      needBoth: "Enter your email and password.",
      badEmail: "Enter a valid email address.",
      wrong: "That email and password don't match.",
      hintBefore: "First time here? The first",
      hintAfter: "printed the owner's email and password in its terminal.",
    },
    notFound: {
      title: "Page not found",
      heading: "There's nothing at this address",
      before: "The link may be old or mistyped.",
      link: "Go to Journeys",
      after: "or pick a section on the left.",
    },
    analytics: {
      title: "Analytics",
      description: "The numbers to decide with.",
      emptyTitle: "Nothing to measure yet",
      body1:
        "Once contacts, funnels and journeys are in place, this page shows conversion per stage and where contacts stall, lost reasons, leads and cost per channel, revenue figures and how each journey performs.",
      body2: "Reports arrive in an upcoming release, built on the events your workspace collects.",
    },
    settings: {
      title: "Settings",
      description: "Your workspace, email sending and the keys that connect to it.",
    },
  },
  ru: {
    signIn: {
      docTitle: "Вход",
      title: "Вход в Voronka",
      tagline: "Цепочки, воронки и контакты вашего пространства.",
      email: "Email",
      password: "Пароль",
      submit: "Войти",
      submitting: "Входим…",
      needBoth: "Введите email и пароль.",
      badEmail: "Введите правильный адрес email.",
      wrong: "Email и пароль не совпадают.",
      hintBefore: "Впервые здесь? Первый запуск",
      hintAfter: "вывел в терминал email и пароль владельца.",
    },
    notFound: {
      title: "Страница не найдена",
      heading: "По этому адресу ничего нет",
      before: "Возможно, ссылка устарела или в ней опечатка.",
      link: "Перейти к цепочкам",
      after: "или выберите раздел слева.",
    },
    analytics: {
      title: "Аналитика",
      description: "Цифры, по которым принимают решения.",
      emptyTitle: "Пока нечего измерять",
      body1:
        "Когда появятся контакты, воронки и цепочки, здесь будет конверсия по этапам и места, где контакты застревают, причины проигрыша, лиды и стоимость по каналам, выручка и результаты каждой цепочки.",
      body2:
        "Отчёты появятся в одном из следующих выпусков — на основе событий вашего пространства.",
    },
    settings: {
      title: "Настройки",
      description: "Ваше пространство, отправка писем и ключи для подключения.",
    },
  },
});
