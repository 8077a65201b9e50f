/**
 * Starter templates for the funnel kits: responsive MJML (one column on phones, two where it
 * helps on wide screens), Liquid for the person and the journey's values, no remote images (a
 * starter must look finished before anyone uploads a picture). A marketer creates a template
 * from one and edits it; the starter itself never changes under a saved template.
 */

export interface Starter {
  id: string;
  name: string;
  description: string;
  subject: string;
  preheader: string;
  mjml: string;
  /** `{{ vars.x }}` the journey is expected to pass (each has a sensible default). */
  vars: string[];
}

const BRAND = '{{ vars.brand | default: "Our team" }}';
const HELLO = '{{ contact.firstName | default: "there" }}';

// Inside an attribute, Liquid strings take single quotes.
const button = (label: string, href: string, color = "#2f6fed") =>
  `<mj-button href="${href.replace(/"/g, "'")}" background-color="${color}" color="#ffffff" font-weight="600" border-radius="6px" inner-padding="14px 28px">${label}</mj-button>`;

/** A boxed coupon code. */
const coupon = (code: string, note: string) => `
    <mj-section padding="0 24px">
      <mj-column border="2px dashed #2f6fed" border-radius="8px" background-color="#f3f7ff" padding="16px 0">
        <mj-text align="center" font-size="13px" color="#51607a" padding="0 16px 4px">${note}</mj-text>
        <mj-text align="center" font-size="26px" font-weight="700" letter-spacing="3px" color="#1b2a4a" padding="0 16px">${code}</mj-text>
      </mj-column>
    </mj-section>`;

/** Two facts side by side on wide screens, stacked on phones. */
const facts = (a: [string, string], b: [string, string]) => `
    <mj-section padding="8px 24px">
      <mj-column padding="8px 0">
        <mj-text font-size="12px" text-transform="uppercase" color="#7a869a" padding="0 25px">${a[0]}</mj-text>
        <mj-text font-size="17px" font-weight="600" padding="4px 25px 0">${a[1]}</mj-text>
      </mj-column>
      <mj-column padding="8px 0">
        <mj-text font-size="12px" text-transform="uppercase" color="#7a869a" padding="0 25px">${b[0]}</mj-text>
        <mj-text font-size="17px" font-weight="600" padding="4px 25px 0">${b[1]}</mj-text>
      </mj-column>
    </mj-section>`;

function layout(title: string, accent: string, body: string): string {
  return `<mjml>
  <mj-head>
    <mj-title>${title}</mj-title>
    <mj-attributes>
      <mj-all font-family="-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.55" color="#1b2a4a" />
      <mj-section background-color="#ffffff" />
    </mj-attributes>
    <mj-style inline="inline">.muted a { color: #7a869a; }</mj-style>
  </mj-head>
  <mj-body background-color="#eef1f6" width="600px">
    <mj-section background-color="#eef1f6" padding="24px 0 8px">
      <mj-column>
        <mj-text align="center" font-size="18px" font-weight="700" color="#1b2a4a">${BRAND}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="${accent}" padding="0" border-radius="10px 10px 0 0">
      <mj-column><mj-spacer height="6px" /></mj-column>
    </mj-section>
${body}
    <mj-section padding="8px 24px 28px" border-radius="0 0 10px 10px">
      <mj-column>
        <mj-text font-size="15px" padding-top="16px">${BRAND}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#eef1f6" padding="16px 24px 32px">
      <mj-column>
        <mj-text css-class="muted" align="center" font-size="12px" color="#7a869a" line-height="1.5">You receive this email because you are in touch with ${BRAND}.<br /><a href="{{ unsubscribe_url }}">Unsubscribe or choose which emails you get</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

const intro = (heading: string, text: string) => `
    <mj-section padding="28px 24px 8px">
      <mj-column>
        <mj-text font-size="26px" font-weight="700" line-height="1.25" padding-bottom="12px">${heading}</mj-text>
        <mj-text>${text}</mj-text>
      </mj-column>
    </mj-section>`;

const cta = (label: string, href: string, color?: string) => `
    <mj-section padding="8px 24px 16px">
      <mj-column>${button(label, href, color)}</mj-column>
    </mj-section>`;

const paragraph = (text: string) => `
    <mj-section padding="0 24px">
      <mj-column><mj-text>${text}</mj-text></mj-column>
    </mj-section>`;

export const STARTERS: readonly Starter[] = [
  {
    id: "welcome",
    name: "Welcome",
    description: "The first letter after sign-up: hello, what to expect, one clear next step.",
    subject: "Welcome, {{ contact.firstName | default: 'friend' }}!",
    preheader: "Here is what happens next.",
    vars: ["brand", "start_url"],
    mjml: layout(
      "Welcome",
      "#2f6fed",
      intro(
        `Welcome, ${HELLO}!`,
        "Thank you for joining us. Over the next few days we will send you a short guide to get the most out of it — no more than one email a day.",
      ) +
        facts(["What you get", "Tips, offers, early news"], ["How often", "About once a week"]) +
        cta("Get started", '{{ vars.start_url | default: "https://example.com" }}'),
    ),
  },
  {
    id: "offer",
    name: "Offer",
    description: "A commercial proposal with the price, what is included and a button to accept.",
    subject: "Your offer, {{ contact.firstName | default: 'friend' }}",
    preheader: "Everything in one place: what is included and the price.",
    vars: ["brand", "offer_title", "price", "valid_until", "offer_url"],
    mjml: layout(
      "Your offer",
      "#0f9d76",
      intro(
        `${HELLO}, here is your offer`,
        'As promised, we prepared a proposal for <b>{{ vars.offer_title | default: "your request" }}</b>. It is yours to review at your pace.',
      ) +
        facts(
          ["Price", '{{ vars.price | default: "on request" }}'],
          ["Valid until", '{{ vars.valid_until | default: "the end of the month" }}'],
        ) +
        cta("View the offer", '{{ vars.offer_url | default: "https://example.com" }}', "#0f9d76") +
        paragraph("Questions? Just reply to this email — a person will answer."),
    ),
  },
  {
    id: "presentation-reminder",
    name: "Presentation reminder",
    description: "A reminder of a booked presentation or visit: when, where, how to reschedule.",
    subject:
      "See you {{ vars.date | default: 'soon' }}, {{ contact.firstName | default: 'friend' }}",
    preheader: "Your presentation is booked. Here are the details.",
    vars: ["brand", "date", "time", "place", "reschedule_url"],
    mjml: layout(
      "Presentation reminder",
      "#7b4ddb",
      intro(
        `${HELLO}, your presentation is booked`,
        "We look forward to showing you everything in person. It takes about 40 minutes.",
      ) +
        facts(
          ["When", '{{ vars.date | default: "soon" }} {{ vars.time }}'],
          ["Where", '{{ vars.place | default: "we will send the address" }}'],
        ) +
        cta(
          "Change the time",
          '{{ vars.reschedule_url | default: "https://example.com" }}',
          "#7b4ddb",
        ),
    ),
  },
  {
    id: "contract-discount",
    name: "Contract discount",
    description: "A time-limited discount that nudges a hesitant lead to sign the contract.",
    subject: "{{ vars.discount | default: '10%' }} off if you sign this week",
    preheader: "A personal discount on your contract, valid for a few days.",
    vars: ["brand", "discount", "promo_code", "valid_until", "contract_url"],
    mjml: layout(
      "Contract discount",
      "#e8590c",
      intro(
        `${HELLO}, a discount for you`,
        'Sign your contract by <b>{{ vars.valid_until | default: "the end of the week" }}</b> and get <b>{{ vars.discount | default: "10%" }}</b> off the total.',
      ) +
        coupon('{{ vars.promo_code | default: "CONTRACT10" }}', "Your personal code") +
        cta(
          "Sign the contract",
          '{{ vars.contract_url | default: "https://example.com" }}',
          "#e8590c",
        ),
    ),
  },
  {
    id: "payment-thank-you",
    name: "Payment thank-you with upsell",
    description: "Confirms the payment, thanks the customer, and offers one useful extra.",
    subject: "Thank you, {{ contact.firstName | default: 'friend' }} — payment received",
    preheader: "Your payment is confirmed. One more thing you might like.",
    vars: ["brand", "amount", "order", "upsell_title", "upsell_text", "upsell_url"],
    mjml: layout(
      "Payment received",
      "#0f9d76",
      intro(
        `Thank you, ${HELLO}!`,
        "We received your payment. Everything is confirmed and we are already preparing for you.",
      ) +
        facts(
          ["Amount", '{{ vars.amount | default: "paid in full" }}'],
          ["Order", '{{ vars.order | default: "confirmed" }}'],
        ) +
        `
    <mj-section padding="16px 24px 0">
      <mj-column background-color="#f6f8fb" border-radius="8px" padding="8px 4px">
        <mj-text font-size="13px" text-transform="uppercase" color="#7a869a" padding-bottom="0">You might also like</mj-text>
        <mj-text font-size="19px" font-weight="700" padding-bottom="4px">{{ vars.upsell_title | default: "Make it even better" }}</mj-text>
        <mj-text>{{ vars.upsell_text | default: "Customers who booked with us often add this. It takes one click." }}</mj-text>
        ${button("Add it", '{{ vars.upsell_url | default: "https://example.com" }}', "#0f9d76")}
      </mj-column>
    </mj-section>`,
    ),
  },
  {
    id: "event-photo-report",
    name: "Post-event photo report with a discount",
    description:
      "After the event: the photo gallery, a thank-you, and a discount for the next one.",
    subject: "Your photos are ready, {{ contact.firstName | default: 'friend' }}",
    preheader: "The photo report of your event, and a gift for next time.",
    vars: ["brand", "event", "gallery_url", "promo_code", "discount"],
    mjml: layout(
      "Photo report",
      "#d6336c",
      intro(
        `${HELLO}, the photos are here`,
        'Thank you for celebrating <b>{{ vars.event | default: "your event" }}</b> with us. Our photographer has finished the report — have a look and share it with your guests.',
      ) +
        cta(
          "Open the photo report",
          '{{ vars.gallery_url | default: "https://example.com" }}',
          "#d6336c",
        ) +
        coupon(
          '{{ vars.promo_code | default: "NEXT15" }}',
          '{{ vars.discount | default: "15%" }} off your next event',
        ) +
        paragraph("We would love to see you again. The code works for a year."),
    ),
  },
  {
    id: "abandoned-cart",
    name: "Abandoned cart",
    description: "Reminds a shopper of what is left in the cart, with a way straight back.",
    subject: "You left something in your cart",
    preheader: "Your items are still waiting for you.",
    vars: ["brand", "item", "price", "cart_url"],
    mjml: layout(
      "Your cart",
      "#2f6fed",
      intro(
        `${HELLO}, still thinking it over?`,
        "You left something in your cart. We kept it for you, but stock is limited.",
      ) +
        facts(
          ["In your cart", '{{ vars.item | default: "Your selection" }}'],
          ["Total", '{{ vars.price | default: "as before" }}'],
        ) +
        cta("Return to my cart", '{{ vars.cart_url | default: "https://example.com" }}') +
        paragraph("Free returns within 30 days. Questions? Reply to this email."),
    ),
  },
  {
    id: "win-back",
    name: "Win-back",
    description: "For customers who have gone quiet: we miss you, what is new, a reason to return.",
    subject: "We miss you, {{ contact.firstName | default: 'friend' }}",
    preheader: "A lot has changed since your last visit — and there is a gift.",
    vars: ["brand", "promo_code", "discount", "shop_url"],
    mjml: layout(
      "We miss you",
      "#7b4ddb",
      intro(
        `It has been a while, ${HELLO}`,
        "A lot has changed since your last visit: new collections, faster delivery and friendlier prices. Come and have a look — this gift is for you.",
      ) +
        coupon(
          '{{ vars.promo_code | default: "COMEBACK" }}',
          '{{ vars.discount | default: "20%" }} off your next order',
        ) +
        cta("See what is new", '{{ vars.shop_url | default: "https://example.com" }}', "#7b4ddb"),
    ),
  },
];

/** A starter by id. */
export function starter(id: string): Starter | undefined {
  return STARTERS.find((s) => s.id === id);
}
