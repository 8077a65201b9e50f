import { localized } from "../i18n/index.ts";

/** Every string of the messengers / SMS / webhooks settings, in English and Russian. */
export const channelStrings = localized({
  en: {
    title: "Messengers, SMS and webhooks",
    hint: "Connect the accounts journeys send messages from. Tokens are stored encrypted and never shown again.",
    loading: "Loading channel settings…",
    connected: "Connected",
    notConnected: "Not connected",
    tokenSet: (hint: string) => `token ${hint}`,
    newToken: "Paste a new token to replace the saved one",
    save: "Save",
    saving: "Saving…",
    saved: "Saved.",
    disconnect: "Disconnect",
    telegram: {
      name: "Telegram bot",
      token: "Bot token",
      tokenHint: "From @BotFather. Messages go to the chat a lead wrote to your bot from.",
    },
    whatsapp: {
      name: "WhatsApp Business",
      phoneNumberId: "Phone number ID",
      token: "Access token",
      language: "Template language",
      tokenHint: "From Meta's WhatsApp Manager. Journeys send your approved message templates.",
    },
    viber: {
      name: "Viber bot",
      token: "Bot token",
      senderName: "Sender name",
      tokenHint: "From the Viber Admin Panel. The sender name is shown above each message.",
    },
    sms: {
      name: "SMS gateway (Twilio-compatible)",
      accountSid: "Account SID",
      token: "Auth token",
      from: "Sender number",
      tokenHint:
        "Any gateway speaking Twilio's Messages API. The sender is a number like +15005550006 or a name.",
    },
    webhooks: {
      name: "Webhooks",
      secretSet: (hint: string) => `Requests are signed with the secret ${hint}.`,
      secretNone: "No signing secret yet: one is created with the first webhook a journey sends.",
      rotate: "Create a new signing secret",
      newSecret: "Your new signing secret. Copy it now — it will not be shown again:",
      privateLabel: "Allow webhooks to private networks",
      privateHint:
        "Off by default, so a journey cannot call servers inside your network (127.0.0.1, 10.x, 192.168.x…). Turn on only to reach your own internal services.",
    },
  },
  ru: {
    title: "Мессенджеры, SMS и вебхуки",
    hint: "Подключите аккаунты, от имени которых цепочки отправляют сообщения. Токены хранятся в зашифрованном виде и больше не показываются.",
    loading: "Загружаем настройки каналов…",
    connected: "Подключено",
    notConnected: "Не подключено",
    tokenSet: (hint: string) => `токен ${hint}`,
    newToken: "Вставьте новый токен, чтобы заменить сохранённый",
    save: "Сохранить",
    saving: "Сохраняем…",
    saved: "Сохранено.",
    disconnect: "Отключить",
    telegram: {
      name: "Telegram-бот",
      token: "Токен бота",
      tokenHint: "Выдаёт @BotFather. Сообщения уходят в чат, из которого лид написал вашему боту.",
    },
    whatsapp: {
      name: "WhatsApp Business",
      phoneNumberId: "ID номера телефона",
      token: "Токен доступа",
      language: "Язык шаблонов",
      tokenHint:
        "Из WhatsApp Manager в Meta. Цепочки отправляют ваши одобренные шаблоны сообщений.",
    },
    viber: {
      name: "Viber-бот",
      token: "Токен бота",
      senderName: "Имя отправителя",
      tokenHint: "Из панели администратора Viber. Имя отправителя видно над каждым сообщением.",
    },
    sms: {
      name: "SMS-шлюз (совместимый с Twilio)",
      accountSid: "Account SID",
      token: "Auth token",
      from: "Номер отправителя",
      tokenHint:
        "Любой шлюз с API сообщений как у Twilio. Отправитель — номер вида +79001234567 или имя.",
    },
    webhooks: {
      name: "Вебхуки",
      secretSet: (hint: string) => `Запросы подписываются секретом ${hint}.`,
      secretNone: "Секрета подписи пока нет: он появится с первым вебхуком цепочки.",
      rotate: "Создать новый секрет подписи",
      newSecret: "Ваш новый секрет подписи. Скопируйте его сейчас — больше он показан не будет:",
      privateLabel: "Разрешить вебхуки во внутренние сети",
      privateHint:
        "По умолчанию выключено, чтобы цепочка не могла обращаться к серверам внутри вашей сети (127.0.0.1, 10.x, 192.168.x…). Включайте, только чтобы достучаться до своих внутренних сервисов.",
    },
  },
});
