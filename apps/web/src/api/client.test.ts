import { Me } from "@voronka/contract";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, onUnauthenticated, request, requestNoContent } from "./client.ts";

const me = {
  user: { id: "0d3f6a1b-2c4e-4f5a-8b9c-1d2e3f4a5b6c", email: "owner@example.com", name: "Owner" },
  workspace: { id: "6f1c2a4e-8b0d-4c3e-9a51-2f7d8e9b0c11", name: "Acme", role: "owner" },
  workspaces: [],
};

function answer(status: number, body?: unknown) {
  const fetch = vi.fn(async () =>
    body === undefined
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), {
          status,
          headers: { "Content-Type": "application/json" },
        }),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("request", () => {
  it("sends JSON with the session cookie and returns the parsed body", async () => {
    const fetch = answer(200, me);
    await expect(
      request("POST", "/api/auth/login", Me, { email: "a@b.co", password: "x" }),
    ).resolves.toEqual(me);
    expect(fetch).toHaveBeenCalledWith("/api/auth/login", {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ email: "a@b.co", password: "x" }),
    });
  });

  it("turns the error envelope into an ApiError with the server's code and message", async () => {
    answer(401, {
      error: { code: "invalid_credentials", message: "Wrong email or password.", requestId: "r1" },
    });
    const error = await request("POST", "/api/auth/login", Me, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 401,
      code: "invalid_credentials",
      message: "Wrong email or password.",
      requestId: "r1",
    });
  });

  it("rejects a 200 whose body does not match the contract", async () => {
    answer(200, { user: null });
    await expect(request("GET", "/api/auth/me", Me)).rejects.toMatchObject({ code: "internal" });
  });

  it("reports an unreachable server as unavailable", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    await expect(request("GET", "/api/auth/me", Me)).rejects.toMatchObject({
      status: 0,
      code: "unavailable",
    });
  });

  it("tells listeners when the session has ended", async () => {
    answer(401, { error: { code: "unauthenticated", message: "Sign in.", requestId: "r2" } });
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    await expect(requestNoContent("DELETE", "/api/api-keys/1")).rejects.toBeInstanceOf(ApiError);
    stop();
    expect(listener).toHaveBeenCalledOnce();
  });
});

describe("requestNoContent", () => {
  it("resolves on 204", async () => {
    answer(204);
    await expect(requestNoContent("POST", "/api/auth/logout")).resolves.toBeUndefined();
  });
});
