import { localized } from "../../i18n/index.ts";

/** Russian word form for `n`: 1 день, 2 дня, 5 дней. */
function ru(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${n} ${one}`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} ${few}`;
  return `${n} ${many}`;
}

const RU_UNITS: Record<string, [string, string, string]> = {
  minutes: ["минуту", "минуты", "минут"],
  hours: ["час", "часа", "часов"],
  days: ["день", "дня", "дней"],
  weeks: ["неделю", "недели", "недель"],
};

/** Strings of the step forms added with the condition builder (filters, pickers, actions). */
export const formStrings = localized({
  en: {
    filter: "Only when the event matches (optional)",
    goalFilter: "Only when that event matches (optional)",
    filterEmpty: "No filter: every such event counts.",
    conditionTitle: "Go down Yes when",
    template: "Email template",
    pickTemplate: "Choose a template",
    templateMissing: (id: string) => `${id} (not found in this workspace)`,
    templateHint: "Templates are made under Templates.",
    noTemplates: "No email templates yet. Create one under Templates first.",
    openTemplate: "Open the template in a new tab ↗",
    channel: "Send on",
    pickChannel: "Choose a channel",
    channels: {
      preferred: "The contact's preferred channel",
      sms: "SMS",
      telegram: "Telegram",
      whatsapp: "WhatsApp",
      viber: "Viber",
    },
    messageText: "Message",
    messageTextHint: "What the contact receives, as plain text.",
    messageTemplate: "Approved template name (WhatsApp)",
    messageTemplateHint:
      "WhatsApp needs a template approved by Meta; other channels send the text.",
    discount: "Discount, %",
    validFor: "Valid for",
    expires: "The code expires",
    saveAs: "Save the code as",
    saveAsHint: "The name later messages use to insert the code.",
    validForShort: (amount: number, unit: string) =>
      `valid ${amount} ${amount === 1 ? unit.replace(/s$/, "") : unit}`,
    promoSummary: (percent: number, valid: string | null) =>
      valid ? `${percent}% off, ${valid}` : `${percent}% off`,
  },
  ru: {
    filter: "Только если событие подходит (необязательно)",
    goalFilter: "Только если событие подходит (необязательно)",
    filterEmpty: "Без фильтра: подходит любое такое событие.",
    conditionTitle: "Идти по ветке «Да», если",
    template: "Шаблон письма",
    pickTemplate: "Выберите шаблон",
    templateMissing: (id: string) => `${id} (нет в этом пространстве)`,
    templateHint: "Шаблоны создаются в разделе «Шаблоны».",
    noTemplates: "Шаблонов писем пока нет. Сначала создайте шаблон в разделе «Шаблоны».",
    openTemplate: "Открыть шаблон в новой вкладке ↗",
    channel: "Канал",
    pickChannel: "Выберите канал",
    channels: {
      preferred: "Предпочитаемый канал контакта",
      sms: "SMS",
      telegram: "Telegram",
      whatsapp: "WhatsApp",
      viber: "Viber",
    },
    messageText: "Сообщение",
    messageTextHint: "Что получит контакт, обычным текстом.",
    messageTemplate: "Название одобренного шаблона (WhatsApp)",
    messageTemplateHint:
      "Для WhatsApp нужен шаблон, одобренный Meta; в остальных каналах отправляется текст.",
    discount: "Скидка, %",
    validFor: "Действует",
    expires: "Код действует ограниченное время",
    saveAs: "Сохранить код как",
    saveAsHint: "Имя, под которым следующие сообщения вставляют код.",
    validForShort: (amount: number, unit: string) => {
      const forms = RU_UNITS[unit];
      return `действует ${forms ? ru(amount, ...forms) : `${amount} ${unit}`}`;
    },
    promoSummary: (percent: number, valid: string | null) =>
      valid ? `Скидка ${percent}%, ${valid}` : `Скидка ${percent}%`,
  },
});
