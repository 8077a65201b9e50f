/**
 * A local SMTP server in its own process, for the email benchmark: the sender's Node thread
 * is then not also the receiver's. Prints `{"url":…}` on start; answers any IPC message with
 * `{"received":n,"cpuMs":m}` (messages so far, CPU time this process has used).
 */
import { startTestSmtp } from "./smtp-test-support.ts";

const smtp = await startTestSmtp({ keep: false });
process.stdout.write(`${JSON.stringify({ url: smtp.url })}\n`);
process.on("message", () => {
  const cpu = process.cpuUsage();
  process.send?.({ received: smtp.messages.length, cpuMs: (cpu.user + cpu.system) / 1000 });
});
process.on("disconnect", () => {
  void smtp.close().then(() => process.exit(0));
});
