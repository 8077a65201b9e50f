import { localized } from "../i18n/index.ts";

/** A ready letter a new template starts from, so the editor never opens on a blank page. */
export interface Starter {
  name: string;
  subject: string;
  preheader: string;
  mjml: string;
}

function letter(heading: string, body: string, button: string, footer: string): string {
  return `<mjml>
  <mj-head>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1b1b1f" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f7">
    <mj-section padding="32px 0 8px">
      <mj-column>
        <mj-text font-size="22px" font-weight="700" color="#5b5bd6">Voronka</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" border-radius="12px" padding="24px">
      <mj-column>
        <mj-text font-size="24px" font-weight="700">${heading}</mj-text>
        <mj-text>
          ${body}
        </mj-text>
        <mj-button background-color="#5b5bd6" border-radius="8px" href="https://example.com">
          ${button}
        </mj-button>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 0 32px">
      <mj-column>
        <mj-text font-size="12px" color="#6b6b76" align="center">
          ${footer} <a href="{{ unsubscribe_url }}" style="color:#6b6b76">Unsubscribe</a>
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
}

/** The letter a new template starts from. */
export const blankStarter: Starter = localized({
  en: {
    name: "New template",
    subject: "Hello, {{ contact.firstName | default: 'there' }}!",
    preheader: "A short line shown after the subject in the inbox",
    mjml: letter(
      "Hello, {{ contact.firstName }}!",
      "Write your message here.\n          Personal fields such as {{ contact.city }} are filled in for each contact.",
      "Call to action",
      "You receive this email because you subscribed.",
    ),
  },
  ru: {
    name: "Новый шаблон",
    subject: "Здравствуйте, {{ contact.firstName | default: 'друзья' }}!",
    preheader: "Короткая строка, которую видно после темы во входящих",
    mjml: letter(
      "Здравствуйте, {{ contact.firstName }}!",
      "Напишите здесь своё сообщение.\n          Личные поля, например {{ contact.city }}, подставятся для каждого контакта.",
      "Кнопка действия",
      "Вы получили это письмо, потому что подписались на рассылку.",
    ),
  },
});
