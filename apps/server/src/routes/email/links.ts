import { sha256 } from "@voronka/core";
import {
  emailPreferences,
  getEmailSettings,
  recordDeliveryEvents,
  setEmailTopicSubscriptions,
  unsubscribeFromEmail,
} from "@voronka/db";
import { emailConfig, type LinkClaim, verifyToken } from "@voronka/email";
import { router } from "../../openapi.ts";
import { plainPage, preferencesPage } from "./page.ts";

// 1×1 transparent GIF.
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** Image proxies and link scanners that fetch on delivery, not when a person opens. */
const PREFETCH =
  /GoogleImageProxy|YahooMailProxy|Outlook-iOS|Microsoft Office|Barracuda|Mimecast|Proofpoint|ms-office|preview|bot|crawler|spider/i;

function claimOf(token: string, action: LinkClaim["a"]): LinkClaim | null {
  const claim = verifyToken(emailConfig().secret, token);
  return claim && claim.a === action ? claim : null;
}

/**
 * Public endpoints behind the links inside emails. Every link is signed (HMAC-SHA256 with the
 * server secret); a tampered or foreign link gets 400 and records nothing.
 */
export const emailLinkRoutes = router()
  .get("/e/o/:token", async (c) => {
    const claim = claimOf(c.req.param("token").replace(/\.gif$/, ""), "o");
    if (!claim) return c.text("Invalid link.", 400);
    const agent = c.req.header("user-agent") ?? "";
    const { db } = c.get("deps");
    await db.transaction((tx) =>
      recordDeliveryEvents(tx, claim.w, [
        {
          contactId: claim.c,
          name: "Email Opened",
          // The first open of a message is the event; reloads of the pixel are not.
          messageId: `email-opened:${claim.k}`,
          properties: {
            effectKey: claim.k,
            prefetch: PREFETCH.test(agent),
            userAgent: agent.slice(0, 300),
          },
          at: new Date(),
        },
      ]),
    );
    c.header("Cache-Control", "no-store, max-age=0");
    return c.body(PIXEL, 200, { "Content-Type": "image/gif" });
  })
  .get("/e/c/:token", async (c) => {
    const claim = claimOf(c.req.param("token"), "c");
    if (!claim?.u) return plainPage(c, 400, "This link is not valid", "The link may be damaged.");
    const agent = c.req.header("user-agent") ?? "";
    const { db } = c.get("deps");
    await db.transaction((tx) =>
      recordDeliveryEvents(tx, claim.w, [
        {
          contactId: claim.c,
          name: "Email Link Clicked",
          messageId: `email-clicked:${claim.k}:${sha256(claim.u ?? "")}`,
          properties: { effectKey: claim.k, url: claim.u, prefetch: PREFETCH.test(agent) },
          at: new Date(),
        },
      ]),
    );
    return c.redirect(claim.u, 302);
  })
  .get("/e/u/:token", async (c) => {
    const claim = claimOf(c.req.param("token"), "u");
    if (!claim) return plainPage(c, 400, "This link is not valid", "The link may be damaged.");
    // GET never changes anything: mail scanners follow links. A person confirms with a button.
    const { db } = c.get("deps");
    const prefs = await emailPreferences(db, claim.w, claim.c, claim.k);
    if (!prefs) return plainPage(c, 404, "Not found", "We could not find this subscription.");
    if (prefs.unsubscribedAll) {
      return plainPage(c, 200, "You are unsubscribed", "You do not receive our emails any more.");
    }
    if (prefs.topics.length === 0) {
      return plainPage(c, 200, "Unsubscribe", "Do you want to stop receiving these emails?", {
        action: c.req.path,
        button: "Yes, unsubscribe me",
      });
    }
    const { fromName } = await getEmailSettings(db, claim.w);
    return preferencesPage(c, c.req.path, { sender: fromName, ...prefs });
  })
  .post("/e/u/:token", async (c) => {
    const claim = claimOf(c.req.param("token"), "u");
    if (!claim) return plainPage(c, 400, "This link is not valid", "The link may be damaged.");
    const form: Record<string, unknown> = await c.req.parseBody({ all: true }).catch(() => ({}));
    if (form.action === "topics") {
      // The preference page: the ticked topics are kept, the others left.
      const ticked = ([] as unknown[]).concat(form.topic ?? []);
      const kept = ticked.filter((t): t is string => typeof t === "string");
      const ok = await setEmailTopicSubscriptions(c.get("deps").db, claim.w, claim.c, kept, {
        effectKey: claim.k,
      });
      if (!ok) return plainPage(c, 404, "Not found", "We could not find this subscription.");
      return plainPage(
        c,
        200,
        "Your choices are saved",
        kept.length === 0
          ? "You will not receive emails on any of these topics."
          : "You will only receive the kinds of email you ticked.",
      );
    }
    // RFC 8058: a mail client posts `List-Unsubscribe=One-Click`; our page posts `confirm`.
    const oneClick = form["List-Unsubscribe"] === "One-Click";
    if (!oneClick && form.confirm !== "1") {
      return plainPage(c, 400, "Nothing changed", "Use the button on the unsubscribe page.");
    }
    const done = await unsubscribeFromEmail(c.get("deps").db, claim.w, claim.c, {
      effectKey: claim.k,
      method: oneClick ? "one-click" : "link",
    });
    if (!done) return plainPage(c, 404, "Not found", "We could not find this subscription.");
    if (oneClick) return c.text("Unsubscribed.", 200);
    return plainPage(c, 200, "You are unsubscribed", "You will not receive these emails any more.");
  });
