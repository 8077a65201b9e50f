import { describe, expect, it } from "vitest";
import { BlockedAddressError, isPrivateAddress, resolveAllowed } from "./net-guard.ts";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.254",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "100.127.255.255",
    "0.0.0.0",
    "::1",
    "::",
    "fd12:3456:789a::1",
    "fc00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "not-an-ip",
  ])("refuses %s", (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
  ])("allows %s", (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});

describe("resolveAllowed", () => {
  it("checks every address a name resolves to, and IP literals", async () => {
    await expect(resolveAllowed("localhost", false)).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(resolveAllowed("127.0.0.1", false)).rejects.toThrow(/private or loopback/);
    await expect(resolveAllowed("[::1]", false)).rejects.toBeInstanceOf(BlockedAddressError);
    expect(await resolveAllowed("127.0.0.1", true)).toEqual([{ address: "127.0.0.1", family: 4 }]);
  });
});
