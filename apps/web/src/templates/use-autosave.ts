import type { EmailTemplate, UpdateEmailTemplateBody } from "@voronka/contract";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, errorMessage } from "../api/client.ts";
import { emailApi } from "./email-api.ts";
import type { SourceIssue } from "./MjmlEditor.tsx";

/** The editable parts of a template. */
export type Draft = Pick<EmailTemplate, "name" | "subject" | "preheader" | "mjml">;

export type SaveStatus =
  | { kind: "saved"; version: number }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "invalid" }
  | { kind: "failed"; message: string };

/** Problems with the draft, by the field they belong to. */
export interface DraftIssues {
  mjml: SourceIssue[];
  other: string[];
}

const noIssues: DraftIssues = { mjml: [], other: [] };
const delayMs = 700;

/**
 * Saves the draft a moment after the last change (each save is a new template version, so a
 * journey keeps sending the version it was published with). The server compiles the MJML on
 * save; its errors come back as issues instead of a saved version.
 */
export function useAutosave(template: EmailTemplate) {
  const [draft, setDraft] = useState<Draft>(template);
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", version: template.version });
  const [issues, setIssues] = useState<DraftIssues>(noIssues);
  const saved = useRef<Draft>(template);
  const latest = useRef<Draft>(template);
  const inFlight = useRef(false);
  const savedVersion = useRef(template.version);

  const save = useCallback(async () => {
    if (inFlight.current) return;
    const next = latest.current;
    const patch = changes(saved.current, next);
    if (Object.keys(patch).length === 0) {
      // Back to what is saved (say, a broken line taken out again): nothing to save or fix.
      setIssues(noIssues);
      setStatus({ kind: "saved", version: savedVersion.current });
      return;
    }
    inFlight.current = true;
    setStatus({ kind: "saving" });
    try {
      const result = await emailApi.updateTemplate(template.id, patch);
      saved.current = next;
      savedVersion.current = result.version;
      setIssues(noIssues);
      setStatus(
        latest.current === next ? { kind: "saved", version: result.version } : { kind: "dirty" },
      );
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "validation_failed") {
        setIssues(toIssues(caught));
        setStatus({ kind: "invalid" });
      } else {
        setStatus({ kind: "failed", message: errorMessage(caught) });
      }
    } finally {
      inFlight.current = false;
    }
    // A change made while saving is saved next.
    if (latest.current !== next) void save();
  }, [template.id]);

  useEffect(() => {
    if (draft === saved.current) return;
    const timer = window.setTimeout(() => void save(), delayMs);
    return () => window.clearTimeout(timer);
  }, [draft, save]);

  const update = useCallback((patch: Partial<Draft>) => {
    setDraft((current) => {
      const next = { ...current, ...patch };
      latest.current = next;
      return next;
    });
    setStatus((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
  }, []);

  return { draft, update, status, issues };
}

function changes(before: Draft, after: Draft): UpdateEmailTemplateBody {
  const patch: UpdateEmailTemplateBody = {};
  if (before.name !== after.name && after.name.trim()) patch.name = after.name;
  if (before.subject !== after.subject) patch.subject = after.subject;
  if (before.preheader !== after.preheader) patch.preheader = after.preheader;
  if (before.mjml !== after.mjml) patch.mjml = after.mjml;
  return patch;
}

/** The server's validation details, split into MJML lines and the rest. */
export function toIssues(error: ApiError): DraftIssues {
  const details = error.details ?? [];
  if (details.length === 0) return { mjml: [], other: [error.message] };
  const result: DraftIssues = { mjml: [], other: [] };
  for (const detail of details) {
    const match = /^line (\d+): (.*)$/s.exec(detail.message);
    if (detail.path === "mjml" || detail.path.startsWith("mjml")) {
      result.mjml.push(
        match
          ? { line: Number(match[1]), message: match[2] ?? detail.message }
          : { line: null, message: detail.message },
      );
    } else {
      result.other.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
    }
  }
  return result;
}
