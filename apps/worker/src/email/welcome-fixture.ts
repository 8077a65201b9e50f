/** The template the email tests and the benchmark send (no database or engine imports here). */
export const WELCOME_MJML = `<mjml>
  <mj-body>
    <mj-section><mj-column>
      <mj-text>Hello {{ contact.firstName }} from {{ contact.traits.company }}, your code is {{ vars.code | default: "none" }}.</mj-text>
      <mj-button href="https://shop.example/offer?a=1&amp;b=2">Open the offer</mj-button>
      <mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;
