// Bottom sheets: a list's rows, sharing a location, a photo with a caption, a flow's form.
import { el } from "./render.js";

const backdrop = () => document.getElementById("sheet");
const body = () => document.getElementById("sheet-body");

export function closeSheet() {
  backdrop().hidden = true;
  body().replaceChildren();
}

function open(title, ...content) {
  body().replaceChildren(
    el("div", { class: "sheet-head" }, el("button", { type: "button", class: "icon close", "aria-label": "Close", onclick: closeSheet }, "✕"), el("h2", {}, title)),
    ...content,
  );
  backdrop().hidden = false;
}

/** A list message's rows; `send(row)` when one is picked and sent. */
export function listSheet(item, send) {
  let picked;
  const sendButton = el("button", { type: "button", class: "primary", disabled: true, onclick: () => (closeSheet(), send(picked)) }, "Send");
  const sections = item.bubble.list.sections.map((section) =>
    el(
      "fieldset",
      { class: "section" },
      section.title ? el("legend", {}, section.title) : null,
      section.rows.map((row) =>
        el(
          "label",
          { class: "row-choice" },
          el("span", {}, el("span", { class: "row-title" }, row.title), row.description ? el("span", { class: "row-description" }, row.description) : null),
          el("input", { type: "radio", name: "row", value: row.id, onchange: () => ((picked = row), (sendButton.disabled = false)) }),
        ),
      ),
    ),
  );
  open(item.bubble.list.button, el("div", { class: "sheet-scroll" }, sections), sendButton);
}

/** Share a location (in answer to a request, or from the attach menu). */
export function locationSheet(send) {
  const field = (label, name, value, type = "text") => el("label", { class: "field" }, label, el("input", { name, value, type, step: "any" }));
  const form = el(
    "form",
    { class: "form" },
    field("Latitude", "latitude", "51.50735", "number"),
    field("Longitude", "longitude", "-0.12776", "number"),
    field("Name (optional)", "name", ""),
    field("Address (optional)", "address", ""),
    el("button", { type: "submit", class: "primary" }, "Send location"),
  );
  form.onsubmit = (event) => {
    event.preventDefault();
    const v = Object.fromEntries(new FormData(form));
    closeSheet();
    send({ latitude: Number(v.latitude), longitude: Number(v.longitude), name: v.name || undefined, address: v.address || undefined });
  };
  open("Send location", form);
}

/** A photo from disk, previewed, with an optional caption. */
export function imageSheet(file, send) {
  const url = URL.createObjectURL(file);
  const caption = el("input", { name: "caption", placeholder: "Add a caption…" });
  const form = el("form", { class: "form" }, el("img", { class: "preview", src: url, alt: file.name }), caption, el("button", { type: "submit", class: "primary" }, "Send"));
  form.onsubmit = (event) => {
    event.preventDefault();
    closeSheet();
    URL.revokeObjectURL(url);
    send(caption.value);
  };
  open(file.name, form);
}

/**
 * A flow's screen as a form: the playground has no Flow JSON, so each value the
 * screen got (from the message's payload or the endpoint) is a field, prefilled;
 * more can be added. `submit(data)` resolves to the next screen, or to nothing
 * when the flow closed.
 */
export function flowSheet(screen, submit) {
  const fields = el("div", { class: "flow-fields" });
  const addField = (name, value) => {
    const input =
      typeof value === "boolean"
        ? el("input", { type: "checkbox", name, checked: value, "data-type": "boolean" })
        : el("input", { name, value: value ?? "", type: typeof value === "number" ? "number" : "text", "data-type": typeof value === "number" ? "number" : "string" });
    fields.append(el("label", { class: "field" }, name, input));
  };
  const fixed = {};
  for (const [name, value] of Object.entries(screen.data ?? {})) {
    if (value === null || typeof value === "object") fixed[name] = value;
    else addField(name, value);
  }
  const newName = el("input", { placeholder: "field name", class: "new-field" });
  const error = el("div", { class: "flow-error" }, screen.errorMessage ?? "");
  const form = el(
    "form",
    { class: "form flow-form", "data-screen": screen.screen },
    error,
    Object.keys(fixed).length ? el("pre", { class: "flow-data" }, JSON.stringify(fixed, null, 2)) : null,
    fields,
    el("div", { class: "add-field" }, newName, el("button", { type: "button", onclick: () => newName.value.trim() && (addField(newName.value.trim(), ""), (newName.value = "")) }, "+ field")),
    el("button", { type: "submit", class: "primary" }, "Continue"),
  );
  form.onsubmit = async (event) => {
    event.preventDefault();
    const data = {};
    for (const input of fields.querySelectorAll("input")) {
      data[input.name] = input.dataset.type === "boolean" ? input.checked : input.dataset.type === "number" ? Number(input.value) : input.value;
    }
    error.textContent = "";
    try {
      const next = await submit(data);
      if (next) flowSheet(next, submit);
      else closeSheet();
    } catch (e) {
      error.textContent = e.message;
    }
  };
  open(`Flow · ${screen.screen}`, form);
}

export function errorSheet(message) {
  open("Something went wrong", el("div", { class: "flow-error" }, message), el("button", { type: "button", class: "primary", onclick: closeSheet }, "OK"));
}
