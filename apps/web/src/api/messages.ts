import type { ErrorCode } from "@voronka/contract";
import { type Locale, locale } from "../i18n/index.ts";

interface ClientMessages {
  unreachable: string;
  badResponse: string;
  unknown: string;
  status(status: number, statusText: string): string;
  /** Plain words for error codes whose server message says nothing more than the code. */
  codes: Partial<Record<ErrorCode, string>>;
}

const messages: Record<Locale, ClientMessages> = {
  en: {
    unreachable: "Can't reach the Voronka server. Check that it is running and try again.",
    badResponse: "The server sent a response this page doesn't understand. Try reloading the page.",
    unknown: "Something went wrong. Try again.",
    status: (status, statusText) => `The server answered ${status} ${statusText}`.trim(),
    codes: {},
  },
  ru: {
    unreachable:
      "Не удаётся связаться с сервером Voronka. Проверьте, что он запущен, и попробуйте ещё раз.",
    badResponse: "Сервер прислал ответ, который эта страница не понимает. Перезагрузите страницу.",
    unknown: "Что-то пошло не так. Попробуйте ещё раз.",
    status: (status, statusText) => `Сервер ответил ${status} ${statusText}`.trim(),
    codes: {
      unauthenticated: "Сеанс закончился. Войдите снова.",
      invalid_credentials: "Неверный email или пароль.",
      invalid_api_key: "Ключ API не подходит или отозван.",
      forbidden:
        "У вашей роли нет доступа к этому действию. Обратитесь к владельцу рабочего пространства.",
      not_found: "Не найдено: возможно, это уже удалили. Обновите страницу.",
      payload_too_large: "Слишком большой объём данных для одного запроса.",
      rate_limited: "Слишком много запросов. Подождите немного и попробуйте снова.",
      internal: "Ошибка на сервере. Попробуйте ещё раз; если повторится, сообщите администратору.",
      unavailable: "Сервер временно недоступен. Попробуйте через минуту.",
    },
  },
};

/** This page load's client-side messages. */
export function clientMessages(lang: Locale = locale()): ClientMessages {
  return messages[lang];
}

/**
 * The message to show for a server error. The server writes in English; in another language,
 * codes whose meaning is fixed (signed out, no access, not found…) read in that language, while
 * messages that name what is wrong with the input (validation, conflicts) keep the server's
 * specific words rather than lose them to a generic translation.
 */
export function serverErrorMessage(
  code: ErrorCode,
  serverMessage: string,
  lang: Locale = locale(),
) {
  return messages[lang].codes[code] ?? serverMessage;
}
