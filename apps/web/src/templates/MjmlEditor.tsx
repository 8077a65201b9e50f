import { html } from "@codemirror/lang-html";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { useEffect, useRef } from "react";

/** A problem the server found in the source, on a 1-based line (null: the whole document). */
export interface SourceIssue {
  line: number | null;
  message: string;
}

interface Props {
  initial: string;
  issues: SourceIssue[];
  label: string;
  onChange(source: string): void;
}

/**
 * The MJML source in CodeMirror 6: HTML highlighting (MJML is XML-shaped), line numbers, search,
 * bracket matching, and the server's errors as red underlines and gutter markers.
 */
export function MjmlEditor({ initial, issues, label, onChange }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor owns the text after it starts; `initial` seeds it once.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const view = new EditorView({
      parent: host,
      doc: initial,
      extensions: [
        basicSetup,
        html({ autoCloseTags: true, selfClosingTags: true }),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChangeRef.current(update.state.doc.toString());
        }),
      ],
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const doc = view.state.doc;
    const diagnostics: Diagnostic[] = issues.map((issue) => {
      const line = doc.line(Math.min(Math.max(issue.line ?? 1, 1), doc.lines));
      return { from: line.from, to: line.to, severity: "error", message: issue.message };
    });
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }, [issues]);

  return <div className="code-editor" ref={hostRef} />;
}
