/**
 * An in-pane confirmation dialog (window.confirm does not work in Office
 * add-ins): a Fluent dialog, resolved by its buttons; Escape or closing
 * counts as "no". Focus returns to where it was.
 */
import { h } from "./dom";

export interface ConfirmRequest {
  readonly title: string;
  readonly message: string;
  readonly items: readonly string[];
  readonly confirm: string;
  readonly cancel: string;
}

interface DialogElement extends HTMLElement {
  show(): void;
  hide(): void;
}

export function confirmInPane(doc: Document, request: ConfirmRequest): Promise<boolean> {
  const returnFocus = doc.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const titleId = "confirm-title";
    const yes = h(doc, "fluent-button", { slot: "action", appearance: "primary" }, request.confirm);
    const no = h(doc, "fluent-button", { slot: "action" }, request.cancel);
    const body = h(
      doc,
      "fluent-dialog-body",
      {},
      h(doc, "h2", { slot: "title", id: titleId }, request.title),
      h(doc, "p", {}, request.message),
      h(doc, "ul", { class: "details" }, ...request.items.map((t) => h(doc, "li", {}, t))),
      no,
      yes,
    );
    const dialog = h(doc, "fluent-dialog", { type: "alert", "aria-labelledby": titleId }, body) as DialogElement;
    let settled = false;
    const finish = (answer: boolean) => {
      if (settled) return;
      settled = true;
      if (typeof dialog.hide === "function") dialog.hide();
      dialog.remove();
      returnFocus?.focus();
      resolve(answer);
    };
    yes.addEventListener("click", () => finish(true));
    no.addEventListener("click", () => finish(false));
    dialog.addEventListener("toggle", (e) => {
      if ((e as Event & { newState?: string }).newState === "closed") finish(false);
    });
    dialog.addEventListener("keydown", (e) => {
      if (e.key === "Escape") finish(false);
    });
    doc.body.append(dialog);
    if (typeof dialog.show === "function") dialog.show();
    // The safe answer takes the focus, once the dialog has opened (Fluent opens its <dialog> and focuses it first).
    no.focus();
    doc.defaultView?.requestAnimationFrame(() => {
      if (!settled) no.focus();
    });
  });
}
