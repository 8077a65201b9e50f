import { localized } from "../i18n/index.ts";

/** Every string of the ad platform accounts settings, in English and Russian. */
export const adAccountStrings = localized({
  en: {
    title: "Ad accounts",
    hint: "Connect the ad platforms your audiences are sent to. Keys are stored encrypted and never shown again.",
    loading: "Loading ad accounts…",
    connected: "Connected",
    notConnected: "Not connected",
    changed: (when: string) => `changed ${when}`,
    saved: "Saved.",
    keepSaved: "Saved — paste a new one to replace it",
    save: "Save",
    saving: "Saving…",
    disconnect: "Disconnect",
    confirmDisconnect: (name: string) =>
      `Disconnect ${name}? Audiences stop syncing to it until you connect it again.`,
    disconnected: "Disconnected.",
    listKeep: "Keep the saved choice",
    listNone: "Not chosen (emails)",
    fillIn: (fields: string) => `Fill in: ${fields}.`,
    meta: {
      name: "Meta (Facebook and Instagram)",
      where:
        "Business Settings → System users → Generate token, with the ads_management permission.",
      accessToken: "Access token",
    },
    google: {
      name: "Google Ads",
      where:
        "Developer token: Google Ads → Tools → API Center. Access token: an OAuth token of a user with access to the account.",
      accountId: "Customer ID",
      accountIdPlaceholder: "123-456-7890",
      developerToken: "Developer token",
      accessToken: "Access token",
      loginCustomerId: "Manager account ID (optional)",
    },
    vk: {
      name: "VK Ads",
      where: "VK Ads → Settings → API access: create an app and copy its access token.",
      accessToken: "Access token",
      listType: "What the lists hold",
      email: "Emails",
      phone: "Phone numbers",
    },
    yandex: {
      name: "Yandex Audience",
      where: "An OAuth token of the Yandex account that owns the segments (oauth.yandex.ru).",
      oauthToken: "OAuth token",
    },
  },
  ru: {
    title: "Рекламные кабинеты",
    hint: "Подключите рекламные кабинеты, в которые отправляются аудитории. Ключи хранятся в зашифрованном виде и больше не показываются.",
    loading: "Загружаем рекламные кабинеты…",
    connected: "Подключено",
    notConnected: "Не подключено",
    changed: (when: string) => `изменено ${when}`,
    saved: "Сохранено.",
    keepSaved: "Сохранён — вставьте новый, чтобы заменить",
    save: "Сохранить",
    saving: "Сохраняем…",
    disconnect: "Отключить",
    confirmDisconnect: (name: string) =>
      `Отключить ${name}? Аудитории перестанут туда отправляться, пока вы не подключите кабинет снова.`,
    disconnected: "Отключено.",
    listKeep: "Оставить сохранённый выбор",
    listNone: "Не выбрано (email-адреса)",
    fillIn: (fields: string) => `Заполните: ${fields}.`,
    meta: {
      name: "Meta (Facebook и Instagram)",
      where:
        "Настройки компании → Системные пользователи → Создать маркер, с разрешением ads_management.",
      accessToken: "Маркер доступа",
    },
    google: {
      name: "Google Ads",
      where:
        "Токен разработчика: Google Ads → Инструменты → Центр API. Токен доступа: OAuth-токен пользователя с доступом к аккаунту.",
      accountId: "Идентификатор клиента",
      accountIdPlaceholder: "123-456-7890",
      developerToken: "Токен разработчика",
      accessToken: "Токен доступа",
      loginCustomerId: "Идентификатор управляющего аккаунта (необязательно)",
    },
    vk: {
      name: "VK Реклама",
      where:
        "VK Реклама → Настройки → Доступ к API: создайте приложение и скопируйте токен доступа.",
      accessToken: "Токен доступа",
      listType: "Что в списках",
      email: "Email-адреса",
      phone: "Номера телефонов",
    },
    yandex: {
      name: "Яндекс Аудитории",
      where: "OAuth-токен аккаунта Яндекса, которому принадлежат сегменты (oauth.yandex.ru).",
      oauthToken: "OAuth-токен",
    },
  },
});
