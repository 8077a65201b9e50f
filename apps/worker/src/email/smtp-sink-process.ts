/**
 * A local SMTP server in its own process, for the email benchmark: the sender's Node thread
 * is then not also the receiver's. Prints `{"url":…}` on start; answers any IPC message with
 * `{"received":n}`.
 */
import { startTestSmtp } from "./smtp-test-support.ts";

const smtp = await startTestSmtp({ keep: false });
process.stdout.write(`${JSON.stringify({ url: smtp.url })}\n`);
process.on("message", () => process.send?.({ received: smtp.messages.length }));
process.on("disconnect", () => {
  void smtp.close().then(() => process.exit(0));
});
