import { describe, expect, it } from "vitest";
import {
  CalendarPicker,
  CalendarRangeValues,
  CheckboxGroup,
  ChipsSelector,
  CompleteAction,
  DataExchangeAction,
  DataSource,
  DatePicker,
  DocumentPicker,
  Dropdown,
  EmbeddedLink,
  FlowImage,
  FlowJSON,
  FlowJSONError,
  FlowJSONVersionError,
  FlowStr,
  Footer,
  Form,
  If,
  ImageCarousel,
  ImageCarouselItem,
  InputType,
  Layout,
  MathExpression,
  NavigateAction,
  NavigationItem,
  NavigationList,
  Next,
  OpenUrlAction,
  OptIn,
  PhotoPicker,
  RadioButtonsGroup,
  RichText,
  Screen,
  ScreenData,
  ScreenDataRef,
  ComponentRef,
  Switch,
  TextArea,
  TextBody,
  TextCaption,
  TextHeading,
  TextInput,
  TextSubheading,
  UpdateDataAction,
  flowStr,
  type Child,
} from "../packages/core/src/flows/json/index.ts";
import { FlowResponse } from "../packages/core/src/flows/types.ts";

/**
 * The Flow JSON builder: every component, action and expression serializes to the
 * JSON of Meta's Flow JSON reference (the expected objects below are Meta's
 * documented examples, or built from its component tables), and what a version
 * does not have yet throws a FlowJSONVersionError that says where.
 */

/** A one-screen flow around some children. */
function oneScreen(version: string, children: Child[], extra: Partial<ConstructorParameters<typeof Screen>[0]> = {}): FlowJSON {
  return new FlowJSON({
    version,
    screens: [new Screen({ id: "DEMO_SCREEN", terminal: true, title: "Demo screen", ...extra, layout: new Layout({ children }) })],
  });
}

/** The JSON of the first child of the first screen. */
function firstChild(flow: FlowJSON): unknown {
  const json = flow.toJSON() as { screens: { layout: { children: unknown[] } }[] };
  return json.screens[0]!.layout.children[0];
}

const complete = { name: "complete", payload: {} };
const footer = () => new Footer({ label: "Continue", onClickAction: new CompleteAction() });
const footerJson = { type: "Footer", label: "Continue", "on-click-action": complete };
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=";

function versionError(fn: () => unknown): FlowJSONVersionError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FlowJSONVersionError);
    return e as FlowJSONVersionError;
  }
  throw new Error("expected a FlowJSONVersionError");
}

describe("Flow JSON 2.x (Forms)", () => {
  it("builds Meta's sign-up example: a Form of TextInputs and a complete Footer", () => {
    const form = new Form({
      name: "form",
      children: [
        new TextInput({ name: "firstName", label: "First Name", inputType: InputType.TEXT, required: true, visible: true }),
        new TextInput({ name: "lastName", label: "Last Name", inputType: "text", required: true, visible: true }),
        new TextInput({ name: "email", label: "Email Address", inputType: "email", required: true, visible: true }),
        new Footer({
          label: "Done",
          onClickAction: new CompleteAction({
            payload: { firstName: new ComponentRef("firstName"), lastName: new ComponentRef("lastName"), email: new ComponentRef("email") },
          }),
          enabled: true,
        }),
      ],
    });
    const flow = new FlowJSON({
      version: "2.1",
      screens: [new Screen({ id: "SIGN_UP", title: "Finish Sign Up", terminal: true, data: {}, layout: new Layout({ children: [form] }) })],
    });
    expect(flow.toJSON()).toEqual({
      version: "2.1",
      screens: [
        {
          id: "SIGN_UP",
          layout: {
            type: "SingleColumnLayout",
            children: [
              {
                type: "Form",
                name: "form",
                children: [
                  { type: "TextInput", name: "firstName", label: "First Name", "input-type": "text", required: true, visible: true },
                  { type: "TextInput", name: "lastName", label: "Last Name", "input-type": "text", required: true, visible: true },
                  { type: "TextInput", name: "email", label: "Email Address", "input-type": "email", required: true, visible: true },
                  {
                    type: "Footer",
                    label: "Done",
                    "on-click-action": {
                      name: "complete",
                      payload: { firstName: "${form.firstName}", lastName: "${form.lastName}", email: "${form.email}" },
                    },
                    enabled: true,
                  },
                ],
              },
            ],
          },
          terminal: true,
          data: {},
          title: "Finish Sign Up",
        },
      ],
    });
  });

  it("builds Meta's survey example: RadioButtonsGroup, TextArea, Dropdown, navigate, screen data with __example__", () => {
    const stars = ["★★★★★ • Excellent (5/5)", "★★★★☆ • Good (4/5)", "★★★☆☆ • Average (3/5)", "★★☆☆☆ • Poor (2/5)", "★☆☆☆☆ • Very Poor (1/5)"];
    const ratings = stars.map((title, i) => ({ id: String(i), title }));
    const recommend = new RadioButtonsGroup({
      label: "Choose one",
      name: "recommend_radio",
      dataSource: [new DataSource({ id: "0", title: "Yes" }), { id: "1", title: "No" }],
      required: true,
    });
    const comment = new TextArea({ label: "Leave a comment", required: false, name: "comment_text" });
    const recommended = new ScreenData({ key: "recommend_radio", example: "Example" });
    const commentData = new ScreenData({ key: "comment_text", example: "Example" });
    const purchase = new Dropdown({ label: "Purchase experience", required: true, name: "purchase_rating", dataSource: ratings });
    const flow = new FlowJSON({
      version: "2.1",
      screens: [
        new Screen({
          id: "RECOMMEND",
          title: "Feedback 1 of 2",
          data: {},
          layout: new Layout({
            children: [
              new Form({
                name: "form",
                children: [
                  new TextSubheading({ text: "Would you recommend us to a friend?" }),
                  recommend,
                  new TextSubheading({ text: "How could we do better?" }),
                  comment,
                  new Footer({
                    label: "Continue",
                    onClickAction: new NavigateAction({
                      next: new Next({ name: "RATE" }),
                      payload: { recommend_radio: recommend.ref, comment_text: comment.ref },
                    }),
                  }),
                ],
              }),
            ],
          }),
        }),
        new Screen({
          id: "RATE",
          title: "Feedback 2 of 2",
          data: [recommended, commentData],
          terminal: true,
          layout: new Layout({
            children: [
              new Form({
                name: "form",
                children: [
                  new TextSubheading({ text: "Rate the following: " }),
                  purchase,
                  new Footer({
                    label: "Done",
                    onClickAction: new CompleteAction({
                      payload: { purchase_rating: purchase.ref, recommend_radio: recommended.ref, comment_text: commentData.ref },
                    }),
                  }),
                ],
              }),
            ],
          }),
        }),
      ],
    });
    expect(flow.toJSON()).toEqual({
      version: "2.1",
      screens: [
        {
          id: "RECOMMEND",
          title: "Feedback 1 of 2",
          data: {},
          layout: {
            type: "SingleColumnLayout",
            children: [
              {
                type: "Form",
                name: "form",
                children: [
                  { type: "TextSubheading", text: "Would you recommend us to a friend?" },
                  {
                    type: "RadioButtonsGroup",
                    label: "Choose one",
                    name: "recommend_radio",
                    "data-source": [
                      { id: "0", title: "Yes" },
                      { id: "1", title: "No" },
                    ],
                    required: true,
                  },
                  { type: "TextSubheading", text: "How could we do better?" },
                  { type: "TextArea", label: "Leave a comment", required: false, name: "comment_text" },
                  {
                    type: "Footer",
                    label: "Continue",
                    "on-click-action": {
                      name: "navigate",
                      next: { type: "screen", name: "RATE" },
                      payload: { recommend_radio: "${form.recommend_radio}", comment_text: "${form.comment_text}" },
                    },
                  },
                ],
              },
            ],
          },
        },
        {
          id: "RATE",
          title: "Feedback 2 of 2",
          data: {
            recommend_radio: { type: "string", __example__: "Example" },
            comment_text: { type: "string", __example__: "Example" },
          },
          terminal: true,
          layout: {
            type: "SingleColumnLayout",
            children: [
              {
                type: "Form",
                name: "form",
                children: [
                  { type: "TextSubheading", text: "Rate the following: " },
                  { type: "Dropdown", label: "Purchase experience", required: true, name: "purchase_rating", "data-source": ratings },
                  {
                    type: "Footer",
                    label: "Done",
                    "on-click-action": {
                      name: "complete",
                      payload: {
                        purchase_rating: "${form.purchase_rating}",
                        recommend_radio: "${data.recommend_radio}",
                        comment_text: "${data.comment_text}",
                      },
                    },
                  },
                ],
              },
            ],
          },
        },
      ],
    });
  });

  it("CheckboxGroup and an array example: items typed from the first element", () => {
    const picked = new ScreenData({ key: "question1Checkbox", example: ["Example", "Example2"] });
    const group = new CheckboxGroup({
      label: "Choose all that apply:",
      required: true,
      name: "question1Checkbox",
      dataSource: [
        { id: "0", title: "Buy it right away" },
        { id: "1", title: "Check reviews before buying" },
      ],
    });
    const flow = oneScreen("2.1", [new Form({ name: "form", children: [new TextHeading({ text: "You've found the perfect deal" }), group, footer()] })], {
      data: [picked],
    });
    const screen = (flow.toJSON() as { screens: Record<string, unknown>[] }).screens[0]!;
    expect(screen.data).toEqual({
      question1Checkbox: { type: "array", items: { type: "string" }, __example__: ["Example", "Example2"] },
    });
    expect((screen.layout as { children: { children: unknown[] }[] }).children[0]!.children[1]).toEqual({
      type: "CheckboxGroup",
      label: "Choose all that apply:",
      required: true,
      name: "question1Checkbox",
      "data-source": [
        { id: "0", title: "Buy it right away" },
        { id: "1", title: "Check reviews before buying" },
      ],
    });
  });

  it("Form moves its children's initValue and errorMessage into init-values and error-messages", () => {
    const form = new Form({
      name: "form",
      initValues: { age: "30" },
      children: [
        new TextInput({ name: "first_name", label: "First name", initValue: "Jon", errorMessage: "Wrong name" }),
        new TextInput({ name: "age", label: "Age", inputType: "number" }),
        new OptIn({ name: "tos", label: "I agree", initValue: true }),
        footer(),
      ],
    });
    expect(firstChild(oneScreen("2.1", [form]))).toEqual({
      type: "Form",
      name: "form",
      "init-values": { age: "30", first_name: "Jon", tos: true },
      "error-messages": { first_name: "Wrong name" },
      children: [
        { type: "TextInput", name: "first_name", label: "First name" },
        { type: "TextInput", name: "age", label: "Age", "input-type": "number" },
        { type: "OptIn", name: "tos", label: "I agree" },
        footerJson,
      ],
    });
    const twice = new Form({ name: "f", initValues: { a: "1" }, children: [new TextInput({ name: "a", label: "A", initValue: "2" })] });
    expect(() => oneScreen("2.1", [twice]).toJSON()).toThrow(/two init-values for "a"/);
    expect(() => new Form({ name: "empty", children: [] })).toThrow(FlowJSONError);
  });

  it("Image, EmbeddedLink, TextCaption, Footer captions and DatePicker timestamps (before 5.0)", () => {
    const date = new DatePicker({
      name: "date",
      label: "Date",
      minDate: new Date(1693569600000),
      maxDate: "1767182400000",
      unavailableDates: [new Date(1694779200000), "1697371200000"],
      initValue: new Date(1693569600000),
    });
    const flow = oneScreen("2.1", [
      new FlowImage({ src: PNG, width: 100, height: 100, scaleType: "cover", aspectRatio: 1, altText: "A dot" }),
      new TextCaption({ text: "Terms apply", fontWeight: "italic", strikethrough: false }),
      new EmbeddedLink({ text: "Read the terms", onClickAction: new NavigateAction({ next: "TERMS", payload: {} }) }),
      new Form({ name: "form", children: [date] }),
      new Footer({ label: "Pay", leftCaption: "Total", rightCaption: "$10", onClickAction: new DataExchangeAction({ payload: { date: date.ref } }) }),
    ]);
    const children = (flow.toJSON() as { screens: { layout: { children: unknown[] } }[] }).screens[0]!.layout.children;
    expect(children).toEqual([
      { type: "Image", src: PNG, width: 100, height: 100, "scale-type": "cover", "aspect-ratio": 1, "alt-text": "A dot" },
      { type: "TextCaption", text: "Terms apply", "font-weight": "italic", strikethrough: false },
      { type: "EmbeddedLink", text: "Read the terms", "on-click-action": { name: "navigate", next: { type: "screen", name: "TERMS" }, payload: {} } },
      {
        type: "Form",
        name: "form",
        "init-values": { date: "1693569600000" },
        children: [
          { type: "DatePicker", name: "date", label: "Date", "min-date": "1693569600000", "max-date": "1767182400000", "unavailable-dates": ["1694779200000", "1697371200000"] },
        ],
      },
      {
        type: "Footer",
        label: "Pay",
        "left-caption": "Total",
        "right-caption": "$10",
        "on-click-action": { name: "data_exchange", payload: { date: "${form.date}" } },
      },
    ]);
    expect(() => oneScreen("2.1", [new Footer({ label: "x", centerCaption: "c", leftCaption: "l", onClickAction: new CompleteAction() })]).toJSON()).toThrow(
      /centerCaption cannot be combined/,
    );
  });

  it("keeps data_channel_uri before 3.0 and refuses it from 3.0", () => {
    const screens = [new Screen({ id: "A", terminal: true, layout: new Layout({ children: [new Form({ name: "f", children: [footer()] })] }) })];
    const flow = new FlowJSON({ version: "2.1", dataApiVersion: "3.0", dataChannelUri: "https://example.com/flow", routingModel: { A: [] }, screens });
    expect(flow.toJSON()).toMatchObject({ version: "2.1", data_api_version: "3.0", data_channel_uri: "https://example.com/flow", routing_model: { A: [] } });
    expect(() => new FlowJSON({ version: "3.0", dataChannelUri: "https://example.com/flow", screens })).toThrow(/data_channel_uri is gone from Flow JSON 3\.0/);
  });
});

describe("Flow JSON 3.x (data endpoint)", () => {
  it("data_api_version, routing_model and refresh_on_back keep their underscores", () => {
    const flow = new FlowJSON({
      version: "3.1",
      dataApiVersion: "3.0",
      routingModel: { APPOINTMENT: ["CONFIRM"], CONFIRM: [] },
      screens: [
        new Screen({
          id: "APPOINTMENT",
          title: "Appointment",
          refreshOnBack: true,
          data: [new ScreenData({ key: "department", example: [new DataSource({ id: "shopping", title: "Shopping & Groceries" })] })],
          layout: new Layout({
            children: [
              new Form({
                name: "appointment_form",
                children: [
                  new Dropdown({
                    label: "Department",
                    name: "department",
                    dataSource: new ScreenDataRef("department"),
                    required: true,
                    onSelectAction: new DataExchangeAction({ payload: { trigger: "department_selected", department: new ComponentRef("department") } }),
                  }),
                  new Footer({ label: "Continue", onClickAction: new DataExchangeAction({ payload: { department: new ComponentRef("department") } }) }),
                ],
              }),
            ],
          }),
        }),
        new Screen({
          id: "CONFIRM",
          terminal: true,
          success: true,
          layout: new Layout({ children: [new Form({ name: "f", children: [new Footer({ label: "Confirm", onClickAction: new CompleteAction() })] })] }),
        }),
      ],
    });
    const json = flow.toJSON() as Record<string, unknown> & { screens: Record<string, unknown>[] };
    expect(json.version).toBe("3.1");
    expect(json.data_api_version).toBe("3.0");
    expect(json.routing_model).toEqual({ APPOINTMENT: ["CONFIRM"], CONFIRM: [] });
    expect(json.screens[0]!.refresh_on_back).toBe(true);
    expect(json.screens[0]!.data).toEqual({
      department: {
        type: "array",
        items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
        __example__: [{ id: "shopping", title: "Shopping & Groceries" }],
      },
    });
    expect((json.screens[0]!.layout as { children: { children: unknown[] }[] }).children[0]!.children[0]).toEqual({
      type: "Dropdown",
      label: "Department",
      name: "department",
      "data-source": "${data.department}",
      required: true,
      "on-select-action": { name: "data_exchange", payload: { trigger: "department_selected", department: "${form.department}" } },
    });
    expect(json.screens[1]).toMatchObject({ id: "CONFIRM", terminal: true, success: true });
  });

  it("input components outside a Form need 4.0", () => {
    const e = versionError(() => oneScreen("3.1", [new TextInput({ name: "email", label: "Email" }), footer()]).toJSON());
    expect(e.message).toBe(
      'TextInput outside a Form needs Flow JSON 4.0 or newer; this flow is version 3.1 (at screens[0] (DEMO_SCREEN).layout.children[0] (TextInput "email"))',
    );
    expect([e.feature, e.requiredVersion, e.version]).toEqual(["TextInput outside a Form", "4.0", "3.1"]);
  });
});

describe("Flow JSON 4.x (If, Switch, global references, media pickers)", () => {
  it("builds Meta's If example: the condition without backticks", () => {
    const value = new ScreenData({ key: "value", example: true });
    const animal = new TextInput({ label: "Animal", name: "animal", helperText: "Type: cat" });
    const flow = new FlowJSON({
      version: "4.0",
      screens: [
        new Screen({
          data: [value],
          id: "SCREEN",
          title: "Welcome",
          terminal: true,
          success: true,
          layout: new Layout({
            children: [
              animal,
              new If({
                condition: value.ref.and(animal.ref.eq("cat")),
                then: [new TextHeading({ text: "It is a cat" })],
                else: [new TextHeading({ text: "It is not a cat" })],
              }),
              new Footer({ label: "Complete", onClickAction: new CompleteAction() }),
            ],
          }),
        }),
      ],
    });
    expect(flow.toJSON()).toEqual({
      version: "4.0",
      screens: [
        {
          data: { value: { type: "boolean", __example__: true } },
          id: "SCREEN",
          layout: {
            type: "SingleColumnLayout",
            children: [
              { type: "TextInput", label: "Animal", name: "animal", "helper-text": "Type: cat" },
              {
                type: "If",
                condition: "(${data.value} && (${form.animal} == 'cat'))",
                then: [{ type: "TextHeading", text: "It is a cat" }],
                else: [{ type: "TextHeading", text: "It is not a cat" }],
              },
              { type: "Footer", label: "Complete", "on-click-action": complete },
            ],
          },
          title: "Welcome",
          terminal: true,
          success: true,
        },
      ],
    });
  });

  it("builds Meta's forward-reference example: Switch in If, ${screen.S.form.x}", () => {
    const insurance = new RadioButtonsGroup({
      name: "insurance",
      label: "Please select your coverage",
      dataSource: [
        { id: "basic", title: "Basic" },
        { id: "standard", title: "Standard" },
        { id: "full", title: "Premium" },
      ],
    });
    const select = new Screen({ id: "SELECT_INSURANCE", title: "Select insurance", layout: new Layout({ children: [insurance] }) });
    const chosen = insurance.refIn(select);
    const flow = new FlowJSON({
      version: "4.0",
      routingModel: { SELECT_SERVICES: ["SELECT_INSURANCE"] },
      screens: [
        select,
        new Screen({
          terminal: true,
          id: "SELECT_SERVICES",
          title: "Select services",
          layout: new Layout({
            children: [
              new TextSubheading({ text: "Select insurance type" }),
              new If({
                condition: chosen.ne(""),
                then: [
                  new Switch({
                    value: chosen,
                    cases: {
                      basic: [new TextBody({ text: "You've selected a basic insurance" })],
                      standard: [new TextBody({ text: "You've selected a standard insurance" })],
                      full: [new TextBody({ text: "You've selected a comprehensive insurance" })],
                    },
                  }),
                ],
                else: [new TextBody({ text: "You haven't selected any insurance type" })],
              }),
              new EmbeddedLink({ text: "Choose insurance type", onClickAction: new NavigateAction({ next: { name: "SELECT_INSURANCE", type: "screen" } }) }),
              new Footer({ label: "Complete", onClickAction: new CompleteAction({ payload: { selected_insurance_type: chosen } }) }),
            ],
          }),
        }),
      ],
    });
    const json = flow.toJSON() as { screens: { layout: { children: unknown[] } }[] };
    expect(json.screens[0]!.layout.children[0]).toEqual({
      type: "RadioButtonsGroup",
      name: "insurance",
      label: "Please select your coverage",
      "data-source": [
        { id: "basic", title: "Basic" },
        { id: "standard", title: "Standard" },
        { id: "full", title: "Premium" },
      ],
    });
    expect(json.screens[1]!.layout.children).toEqual([
      { type: "TextSubheading", text: "Select insurance type" },
      {
        type: "If",
        condition: "(${screen.SELECT_INSURANCE.form.insurance} != '')",
        then: [
          {
            type: "Switch",
            value: "${screen.SELECT_INSURANCE.form.insurance}",
            cases: {
              basic: [{ type: "TextBody", text: "You've selected a basic insurance" }],
              standard: [{ type: "TextBody", text: "You've selected a standard insurance" }],
              full: [{ type: "TextBody", text: "You've selected a comprehensive insurance" }],
            },
          },
        ],
        else: [{ type: "TextBody", text: "You haven't selected any insurance type" }],
      },
      {
        type: "EmbeddedLink",
        text: "Choose insurance type",
        "on-click-action": { name: "navigate", next: { type: "screen", name: "SELECT_INSURANCE" }, payload: {} },
      },
      { type: "Footer", label: "Complete", "on-click-action": { name: "complete", payload: { selected_insurance_type: "${screen.SELECT_INSURANCE.form.insurance}" } } },
    ]);
  });

  it("builds Meta's PhotoPicker and DocumentPicker examples", () => {
    const photos = new PhotoPicker({
      name: "photo_picker",
      label: "Upload photos",
      description: "Please attach images about the received items",
      photoSource: "camera_gallery",
      minUploadedPhotos: 1,
      maxUploadedPhotos: 10,
      maxFileSizeKb: 10240,
    });
    const photoFlow = new FlowJSON({
      version: "4.0",
      routingModel: { FIRST: [] },
      dataApiVersion: "3.0",
      screens: [
        new Screen({
          id: "FIRST",
          title: "Photo Picker Example",
          terminal: true,
          data: [],
          layout: new Layout({
            children: [
              new Form({
                name: "flow_path",
                children: [photos, new Footer({ label: "Submit", onClickAction: new DataExchangeAction({ payload: { images: photos.ref } }) })],
              }),
            ],
          }),
        }),
      ],
    });
    expect(photoFlow.toJSON()).toEqual({
      version: "4.0",
      routing_model: { FIRST: [] },
      data_api_version: "3.0",
      screens: [
        {
          id: "FIRST",
          title: "Photo Picker Example",
          terminal: true,
          data: {},
          layout: {
            type: "SingleColumnLayout",
            children: [
              {
                type: "Form",
                name: "flow_path",
                children: [
                  {
                    type: "PhotoPicker",
                    name: "photo_picker",
                    label: "Upload photos",
                    description: "Please attach images about the received items",
                    "photo-source": "camera_gallery",
                    "min-uploaded-photos": 1,
                    "max-uploaded-photos": 10,
                    "max-file-size-kb": 10240,
                  },
                  { type: "Footer", label: "Submit", "on-click-action": { name: "data_exchange", payload: { images: "${form.photo_picker}" } } },
                ],
              },
            ],
          },
        },
      ],
    });

    const docs = new DocumentPicker({
      name: "document_picker",
      label: "Contract",
      description: "Attach the signed copy of the contract",
      minUploadedDocuments: 1,
      maxUploadedDocuments: 1,
      maxFileSizeKb: 1024,
      allowedMimeTypes: ["image/jpeg", "application/pdf"],
    });
    expect(firstChild(oneScreen("4.0", [docs, footer()]))).toEqual({
      type: "DocumentPicker",
      name: "document_picker",
      label: "Contract",
      description: "Attach the signed copy of the contract",
      "min-uploaded-documents": 1,
      "max-uploaded-documents": 1,
      "max-file-size-kb": 1024,
      "allowed-mime-types": ["image/jpeg", "application/pdf"],
    });
    expect(versionError(() => oneScreen("3.1", [new Form({ name: "f", children: [docs] })]).toJSON()).feature).toBe("DocumentPicker");
  });

  it("outside a Form, init-value and error-message stay on the component; CheckboxGroup needs a label", () => {
    const input = new TextInput({ name: "name", label: "Name", initValue: "Bob", errorMessage: "bad" });
    expect(firstChild(oneScreen("4.0", [input]))).toEqual({ type: "TextInput", name: "name", label: "Name", "init-value": "Bob", "error-message": "bad" });
    const group = new CheckboxGroup({ name: "c", dataSource: [{ id: "a", title: "A" }], description: "Pick" });
    expect(() => oneScreen("4.0", [group]).toJSON()).toThrow(/CheckboxGroup needs a label from Flow JSON 4\.0/);
    expect(versionError(() => oneScreen("3.1", [new Form({ name: "f", children: [group] })]).toJSON()).feature).toBe("CheckboxGroup.description");
  });

  it("global references and If need 4.0; a Footer in one branch needs one in the other", () => {
    const e = versionError(() => oneScreen("3.1", [new Form({ name: "f", children: [new TextBody({ text: new ScreenDataRef("x", "OTHER") })] })]).toJSON());
    expect(e.feature).toBe("The global reference ${screen.OTHER.data.x}");
    expect(e.path).toBe("screens[0] (DEMO_SCREEN).layout.children[0] (Form).children[0] (TextBody).text");
    expect(versionError(() => oneScreen("3.1", [new If({ condition: "${data.x}", then: [footer()], else: [footer()] })]).toJSON()).feature).toBe("If");
    expect(() => oneScreen("4.0", [new If({ condition: new ScreenDataRef("x"), then: [footer()] })]).toJSON()).toThrow(
      /a Footer in one branch needs a Footer in the other/,
    );
  });
});

describe("Flow JSON 5.x (images in options, dates as days, RichText, markdown)", () => {
  it("builds Meta's RadioButtonsGroup-with-pictures example", () => {
    const group = new RadioButtonsGroup({
      name: "packages",
      required: true,
      dataSource: [
        new DataSource({
          id: "1",
          title: "Tropical Beach Vacation",
          description: "Enjoy 7 nights and 8 days at a luxury beach resort in Bali. Including flights and stays",
          altText: "beach vacation",
          image: PNG,
        }),
        { id: "2", title: "Mountain Adventure", description: "Embark on a 5-day guided trek in the Swiss Alps.", image: PNG },
      ],
      label: "Explore our exciting packages",
      mediaSize: "large",
    });
    expect(firstChild(oneScreen("5.0", [group, footer()]))).toEqual({
      type: "RadioButtonsGroup",
      name: "packages",
      required: true,
      "data-source": [
        {
          id: "1",
          title: "Tropical Beach Vacation",
          description: "Enjoy 7 nights and 8 days at a luxury beach resort in Bali. Including flights and stays",
          "alt-text": "beach vacation",
          image: PNG,
        },
        { id: "2", title: "Mountain Adventure", description: "Embark on a 5-day guided trek in the Swiss Alps.", image: PNG },
      ],
      label: "Explore our exciting packages",
      "media-size": "large",
    });
    const e = versionError(() => oneScreen("4.0", [new RadioButtonsGroup({ name: "p", label: "P", dataSource: [{ id: "1", title: "T", image: PNG }] })]).toJSON());
    expect(e.feature).toBe("DataSource.image");
    expect(e.path).toBe('screens[0] (DEMO_SCREEN).layout.children[0] (RadioButtonsGroup "p").dataSource[0].image');
    expect(versionError(() => oneScreen("4.0", [new RadioButtonsGroup({ name: "p", label: "P", dataSource: [], mediaSize: "large" })]).toJSON()).feature).toBe(
      "RadioButtonsGroup.mediaSize",
    );
  });

  it("builds Meta's DatePicker example with YYYY-MM-DD dates (Dates read in UTC)", () => {
    const date = new DatePicker({
      name: "date",
      label: "Date",
      minDate: "2024-10-21",
      maxDate: new Date("2024-11-12"),
      unavailableDates: [new Date(Date.UTC(2024, 9, 28)), "2024-11-01"],
      onSelectAction: new DataExchangeAction({ payload: { date: new ComponentRef("date") } }),
    });
    const flow = new FlowJSON({
      version: "5.0",
      dataApiVersion: "3.0",
      routingModel: {},
      screens: [
        new Screen({
          id: "DEMO_SCREEN",
          terminal: true,
          title: "Demo screen",
          layout: new Layout({ children: [date, new Footer({ label: "Continue", onClickAction: new DataExchangeAction() })] }),
        }),
      ],
    });
    expect(flow.toJSON()).toEqual({
      version: "5.0",
      data_api_version: "3.0",
      routing_model: {},
      screens: [
        {
          id: "DEMO_SCREEN",
          terminal: true,
          title: "Demo screen",
          layout: {
            type: "SingleColumnLayout",
            children: [
              {
                type: "DatePicker",
                name: "date",
                label: "Date",
                "min-date": "2024-10-21",
                "max-date": "2024-11-12",
                "unavailable-dates": ["2024-10-28", "2024-11-01"],
                "on-select-action": { name: "data_exchange", payload: { date: "${form.date}" } },
              },
              { type: "Footer", label: "Continue", "on-click-action": { name: "data_exchange", payload: {} } },
            ],
          },
        },
      ],
    });
  });

  it("builds Meta's RichText / markdown example (5.1), with sensitive fields", () => {
    const flow = new FlowJSON({
      version: "5.1",
      screens: [
        new Screen({
          id: "FIRST_SCREEN",
          title: "Welcome",
          terminal: true,
          sensitive: ["toc"],
          layout: new Layout({
            children: [
              new TextCaption({
                markdown: true,
                text: ["This is a markdown example inside **TextCaption**.", "You can also add [links](https://whatsapp.com) to external web-sites"],
              }),
              new TextBody({ markdown: true, text: ["And use **Ordered** and **Unordered** lists:", "1. List item", "2. List item"] }),
              new OptIn({
                name: "toc",
                required: true,
                label: "RichText can be used to render large static or dynamic texts.",
                onClickAction: new NavigateAction({ next: new Next({ name: "TOC", type: "screen" }) }),
              }),
              new Footer({ label: "Proceed", onClickAction: new CompleteAction() }),
            ],
          }),
        }),
        new Screen({
          id: "TOC",
          title: "Terms of Service",
          layout: new Layout({ children: [new RichText({ text: ["# Terms of Service", "## 1. Acceptance of Terms", "+ *profits*,", "+ *data*"] })] }),
        }),
      ],
    });
    expect(flow.toJSON()).toEqual({
      version: "5.1",
      screens: [
        {
          id: "FIRST_SCREEN",
          title: "Welcome",
          terminal: true,
          sensitive: ["toc"],
          layout: {
            type: "SingleColumnLayout",
            children: [
              {
                type: "TextCaption",
                markdown: true,
                text: ["This is a markdown example inside **TextCaption**.", "You can also add [links](https://whatsapp.com) to external web-sites"],
              },
              { type: "TextBody", markdown: true, text: ["And use **Ordered** and **Unordered** lists:", "1. List item", "2. List item"] },
              {
                type: "OptIn",
                name: "toc",
                required: true,
                label: "RichText can be used to render large static or dynamic texts.",
                "on-click-action": { name: "navigate", next: { type: "screen", name: "TOC" }, payload: {} },
              },
              { type: "Footer", label: "Proceed", "on-click-action": complete },
            ],
          },
        },
        {
          id: "TOC",
          title: "Terms of Service",
          layout: { type: "SingleColumnLayout", children: [{ type: "RichText", text: ["# Terms of Service", "## 1. Acceptance of Terms", "+ *profits*,", "+ *data*"] }] },
        },
      ],
    });
    expect(versionError(() => oneScreen("5.0", [new RichText({ text: "# Hi" })]).toJSON()).feature).toBe("RichText");
    expect(versionError(() => oneScreen("5.0", [new TextBody({ text: "**Hi**", markdown: true })]).toJSON()).feature).toBe("TextBody.markdown");
    expect(versionError(() => oneScreen("5.0", [new TextBody({ text: ["a", "b"] })]).toJSON()).feature).toBe("TextBody with a list of strings");
    expect(versionError(() => oneScreen("5.0", [footer()], { sensitive: ["x"] }).toJSON()).feature).toBe("Screen.sensitive");
  });
});

describe("Flow JSON 6.x (nested expressions, update_data, open_url, CalendarPicker, NavigationList, ChipsSelector)", () => {
  it("builds Meta's string concatenation example with flowStr / FlowStr", () => {
    const firstName = new TextInput({ label: "First name", inputType: "text", name: "first_name", required: true });
    const age = new TextInput({ label: "Age", inputType: "number", name: "age", required: true });
    const flow = oneScreen("6.0", [
      firstName,
      age,
      new TextBody({ text: flowStr`Hello ${firstName.ref}` }),
      new TextBody({ text: new FlowStr("{name} you are {age} years old.", { name: firstName.ref, age: age.ref }) }),
      new Footer({ label: "Footer", onClickAction: new CompleteAction() }),
    ]);
    expect(flow.toJSON()).toEqual({
      version: "6.0",
      screens: [
        {
          id: "DEMO_SCREEN",
          terminal: true,
          title: "Demo screen",
          layout: {
            type: "SingleColumnLayout",
            children: [
              { type: "TextInput", label: "First name", "input-type": "text", name: "first_name", required: true },
              { type: "TextInput", label: "Age", "input-type": "number", name: "age", required: true },
              { type: "TextBody", text: "`'Hello ' ${form.first_name}`" },
              { type: "TextBody", text: "`${form.first_name} ' you are ' ${form.age} ' years old.'`" },
              { type: "Footer", label: "Footer", "on-click-action": complete },
            ],
          },
        },
      ],
    });
    expect(versionError(() => oneScreen("5.1", [new TextBody({ text: flowStr`Hi ${firstName.ref}` })]).toJSON()).requiredVersion).toBe("6.0");
  });

  it("math, conditions in `visible`, and escaping (pywa's operators as methods)", () => {
    const a = new ScreenData({ key: "number_1", example: 10 });
    const b = new ScreenData({ key: "number_2", example: 20 });
    const age = new TextInput({ name: "age", label: "Age", inputType: "number" });
    const optIn = new OptIn({ name: "opt_in", label: "Yes" });
    expect(String(a.ref.plus(b.ref))).toBe("(${data.number_1} + ${data.number_2})");
    expect(String(MathExpression.of(2025).minus(age.ref))).toBe("(2025 - ${form.age})");
    expect(String(a.ref.times(b.ref).div(2).mod(3))).toBe("(((${data.number_1} * ${data.number_2}) / 2) % 3)");
    expect(String(age.ref.gte(18).or(optIn.ref.not()))).toBe("((${form.age} >= 18) || !${form.opt_in})");
    expect(String(age.ref.lt(a.ref.minus(1)).and(age.ref.lte(99)))).toBe("((${form.age} < (${data.number_1} - 1)) && (${form.age} <= 99))");
    expect(flowStr`It's ${age.ref} \`years\``.expression).toBe("`'It\\\\'s ' ${form.age} ' \\\\`years\\\\`'`");
    expect(flowStr`{literal braces} ${age.ref}`.expression).toBe("`'{literal braces} ' ${form.age}`");

    const flow = oneScreen(
      "6.0",
      [
        age,
        optIn,
        new TextBody({ text: a.ref.plus(b.ref) }),
        new TextBody({ text: flowStr`The sum of ${a.ref} and ${b.ref} is ${a.ref.plus(b.ref)}` }),
        new TextCaption({ text: "Adult", visible: age.ref.gt(17).and(optIn.ref) }),
        new TextHeading({ text: "Born", visible: new ScreenDataRef("visible") }),
        footer(),
      ],
      { data: [a, b] },
    );
    const children = (flow.toJSON() as { screens: { layout: { children: unknown[] } }[] }).screens[0]!.layout.children;
    expect(children.slice(2, 6)).toEqual([
      { type: "TextBody", text: "`(${data.number_1} + ${data.number_2})`" },
      { type: "TextBody", text: "`'The sum of ' ${data.number_1} ' and ' ${data.number_2} ' is ' (${data.number_1} + ${data.number_2})`" },
      { type: "TextCaption", text: "Adult", visible: "`((${form.age} > 17) && ${form.opt_in})`" },
      { type: "TextHeading", text: "Born", visible: "${data.visible}" },
    ]);
    const e = versionError(() => oneScreen("5.1", [new TextCaption({ text: "x", visible: age.ref.gt(1) })]).toJSON());
    expect(e.message).toMatch(/^The nested expression `\(\$\{form\.age\} > 1\)` needs Flow JSON 6\.0 or newer; this flow is version 5\.1/);
  });

  it("builds Meta's open_url example (EmbeddedLink, OptIn)", () => {
    const flow = oneScreen("6.0", [
      new EmbeddedLink({ text: "This is an external link.", onClickAction: new OpenUrlAction({ url: "https://pywa.readthedocs.io/" }) }),
      new OptIn({ label: "I agree to the terms.", name: "T&Cs", onClickAction: new OpenUrlAction({ url: "https://pywa.readthedocs.io/" }) }),
      new Footer({ label: "Footer", onClickAction: new CompleteAction() }),
    ]);
    expect((flow.toJSON() as { screens: { layout: { children: unknown[] } }[] }).screens[0]!.layout.children).toEqual([
      { type: "EmbeddedLink", text: "This is an external link.", "on-click-action": { name: "open_url", url: "https://pywa.readthedocs.io/" } },
      { type: "OptIn", label: "I agree to the terms.", name: "T&Cs", "on-click-action": { name: "open_url", url: "https://pywa.readthedocs.io/" } },
      { type: "Footer", label: "Footer", "on-click-action": complete },
    ]);
    expect(versionError(() => oneScreen("5.1", [new EmbeddedLink({ text: "x", onClickAction: new OpenUrlAction({ url: "https://x.y" }) })]).toJSON()).feature).toBe(
      "The open_url action",
    );
  });

  it("builds Meta's update_data example: data sources that update screen data", () => {
    const stateVisible = new ScreenData({ key: "state_visibility", example: false });
    const states = new ScreenData({ key: "states", example: [new DataSource({ id: "1", title: "USA" })] });
    const countries = new ScreenData({
      key: "countries",
      example: [
        new DataSource({
          id: "1",
          title: "USA",
          onSelectAction: new UpdateDataAction({ payload: [states.update([new DataSource({ id: "new_york", title: "New York" })]), stateVisible.update(true)] }),
          onUnselectAction: new UpdateDataAction({ payload: [stateVisible.update(false)] }),
        }),
      ],
    });
    const flow = oneScreen(
      "6.0",
      [
        new RadioButtonsGroup({ name: "select_country", label: "Select country:", dataSource: countries.ref }),
        new RadioButtonsGroup({ name: "select_states", label: "Select state:", visible: stateVisible.ref, dataSource: states.ref }),
        new OptIn({ name: "show", label: "Show", onSelectAction: new UpdateDataAction({ payload: { state_visibility: true } }) }),
        new Footer({ label: "Complete", onClickAction: new CompleteAction() }),
      ],
      { id: "ADDRESS_SELECTION", title: "Address selection", success: true, data: [stateVisible, states, countries] },
    );
    const screen = (flow.toJSON() as { screens: { data: unknown; layout: { children: unknown[] } }[] }).screens[0]!;
    expect(screen.data).toEqual({
      state_visibility: { type: "boolean", __example__: false },
      states: {
        type: "array",
        items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
        __example__: [{ id: "1", title: "USA" }],
      },
      countries: {
        type: "array",
        items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
        __example__: [
          {
            id: "1",
            title: "USA",
            "on-select-action": { name: "update_data", payload: { states: [{ id: "new_york", title: "New York" }], state_visibility: true } },
            "on-unselect-action": { name: "update_data", payload: { state_visibility: false } },
          },
        ],
      },
    });
    expect(screen.layout.children.slice(0, 3)).toEqual([
      { type: "RadioButtonsGroup", name: "select_country", label: "Select country:", "data-source": "${data.countries}" },
      { type: "RadioButtonsGroup", name: "select_states", label: "Select state:", visible: "${data.state_visibility}", "data-source": "${data.states}" },
      { type: "OptIn", name: "show", label: "Show", "on-select-action": { name: "update_data", payload: { state_visibility: true } } },
    ]);
    expect(versionError(() => oneScreen("5.1", [new OptIn({ name: "o", label: "O", onSelectAction: new UpdateDataAction({ payload: {} }) })]).toJSON()).feature).toBe(
      "OptIn.onSelectAction",
    );
  });

  it("builds Meta's CalendarPicker examples, single and range (6.1)", () => {
    const single = new CalendarPicker({
      name: "calendar",
      label: "Single date",
      helperText: "Select a date",
      required: true,
      mode: "single",
      minDate: "2024-10-21",
      maxDate: new Date("2025-12-12"),
      unavailableDates: ["2024-11-28", "2024-11-01"],
      includeDays: ["Mon", "Tue", "Wed", "Thu", "Fri"],
      initValue: "2024-10-23",
      onSelectAction: new DataExchangeAction({ payload: { calendar: new ComponentRef("calendar") } }),
    });
    const range = new CalendarPicker({
      name: "calendar_range",
      title: "Range calendar",
      description: "Use this to select a date range",
      label: { startDate: "Start date", endDate: "End date" },
      helperText: new CalendarRangeValues({ startDate: "Select from date", endDate: "Select to date" }),
      required: { startDate: true, endDate: false },
      mode: "range",
      minDate: "2024-10-21",
      maxDate: "2025-12-12",
      unavailableDates: ["2024-11-28", "2024-11-01"],
      includeDays: ["Mon", "Tue", "Wed", "Thu", "Fri"],
      minDays: 3,
      maxDays: 10,
      initValue: { startDate: new Date("2024-10-22"), endDate: "2024-10-25" },
      onSelectAction: new DataExchangeAction({ payload: { calendar_range: new ComponentRef("calendar_range") } }),
    });
    const days = ["Mon", "Tue", "Wed", "Thu", "Fri"];
    const continueJson = { type: "Footer", label: "Continue", "on-click-action": { name: "data_exchange", payload: {} } };
    const build = (picker: CalendarPicker) =>
      new FlowJSON({
        version: "6.1",
        dataApiVersion: "3.0",
        routingModel: {},
        screens: [
          new Screen({
            id: "DEMO_SCREEN",
            terminal: true,
            title: "Demo screen",
            layout: new Layout({ children: [picker, new Footer({ label: "Continue", onClickAction: new DataExchangeAction() })] }),
          }),
        ],
      }).toJSON();
    const wrap = (child: unknown) => ({
      version: "6.1",
      data_api_version: "3.0",
      routing_model: {},
      screens: [{ id: "DEMO_SCREEN", terminal: true, title: "Demo screen", layout: { type: "SingleColumnLayout", children: [child, continueJson] } }],
    });
    expect(build(single)).toEqual(
      wrap({
        type: "CalendarPicker",
        name: "calendar",
        label: "Single date",
        "helper-text": "Select a date",
        required: true,
        mode: "single",
        "min-date": "2024-10-21",
        "max-date": "2025-12-12",
        "unavailable-dates": ["2024-11-28", "2024-11-01"],
        "include-days": days,
        "init-value": "2024-10-23",
        "on-select-action": { name: "data_exchange", payload: { calendar: "${form.calendar}" } },
      }),
    );
    expect(build(range)).toEqual(
      wrap({
        type: "CalendarPicker",
        name: "calendar_range",
        title: "Range calendar",
        description: "Use this to select a date range",
        label: { "start-date": "Start date", "end-date": "End date" },
        "helper-text": { "start-date": "Select from date", "end-date": "Select to date" },
        required: { "start-date": true, "end-date": false },
        mode: "range",
        "min-date": "2024-10-21",
        "max-date": "2025-12-12",
        "unavailable-dates": ["2024-11-28", "2024-11-01"],
        "include-days": days,
        "min-days": 3,
        "max-days": 10,
        "init-value": { "start-date": "2024-10-22", "end-date": "2024-10-25" },
        "on-select-action": { name: "data_exchange", payload: { calendar_range: "${form.calendar_range}" } },
      }),
    );
    expect(versionError(() => oneScreen("6.0", [single]).toJSON()).feature).toBe("CalendarPicker");
  });

  it("builds Meta's regex TextInput example (6.2): pattern as a string or a RegExp", () => {
    const flow = oneScreen(
      "6.2",
      [
        new TextInput({
          required: true,
          label: "Regex Input",
          inputType: "text",
          pattern: /^(19|20)\d\d-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$/,
          helperText: "E.g. 1993-08-04",
          name: "regex input",
        }),
        new TextInput({ required: true, label: "Regex Passcode", pattern: "007", inputType: "passcode", name: "passcode_oo7", helperText: "Contains: 007" }),
        footer(),
      ],
      { title: "Demo Screen" },
    );
    expect((flow.toJSON() as { screens: { layout: { children: unknown[] } }[] }).screens[0]!.layout.children.slice(0, 2)).toEqual([
      {
        type: "TextInput",
        required: true,
        label: "Regex Input",
        "input-type": "text",
        pattern: "^(19|20)\\d\\d-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$",
        "helper-text": "E.g. 1993-08-04",
        name: "regex input",
      },
      { type: "TextInput", required: true, label: "Regex Passcode", pattern: "007", "input-type": "passcode", name: "passcode_oo7", "helper-text": "Contains: 007" },
    ]);
    const e = versionError(() => oneScreen("6.1", [new TextInput({ name: "p", label: "P", pattern: "007" })]).toJSON());
    expect([e.feature, e.requiredVersion, e.path]).toEqual(["TextInput.pattern", "6.2", 'screens[0] (DEMO_SCREEN).layout.children[0] (TextInput "p").pattern']);
  });

  it("builds a NavigationList (6.2) with rich items, and checks its rules", () => {
    const list = new NavigationList({
      name: "insurance_list",
      label: "Insurance",
      description: "Pick a plan",
      listItems: [
        new NavigationItem({
          id: "home",
          mainContent: { title: "Home Insurance", description: "Your home", metadata: "Protect your home from fire" },
          start: { image: PNG },
          end: { title: "$100", description: "/ month" },
          badge: "Best",
          tags: ["New"],
          onClickAction: new NavigateAction({ next: "HOME" }),
        }),
        { id: "car", mainContent: { title: "Car Insurance" }, onClickAction: new DataExchangeAction({ payload: { plan: "car" } }) },
      ],
    });
    expect(firstChild(oneScreen("6.2", [list], { terminal: false }))).toEqual({
      type: "NavigationList",
      name: "insurance_list",
      label: "Insurance",
      description: "Pick a plan",
      "list-items": [
        {
          id: "home",
          "main-content": { title: "Home Insurance", description: "Your home", metadata: "Protect your home from fire" },
          start: { image: PNG },
          end: { title: "$100", description: "/ month" },
          badge: "Best",
          tags: ["New"],
          "on-click-action": { name: "navigate", next: { type: "screen", name: "HOME" }, payload: {} },
        },
        { id: "car", "main-content": { title: "Car Insurance" }, "on-click-action": { name: "data_exchange", payload: { plan: "car" } } },
      ],
    });
    const items = [{ id: "a", mainContent: { title: "A" } }];
    const both = new NavigationList({ name: "n", onClickAction: new DataExchangeAction(), listItems: [{ ...items[0]!, onClickAction: new DataExchangeAction() }] });
    expect(() => oneScreen("6.2", [both]).toJSON()).toThrow(/on the list or on its items, not both/);
    expect(() => oneScreen("6.2", [new NavigationList({ name: "n", listItems: items })]).toJSON()).toThrow(/every item needs an onClickAction/);
    expect(versionError(() => oneScreen("6.1", [new NavigationList({ name: "n", listItems: items, onClickAction: new DataExchangeAction() })]).toJSON()).feature).toBe(
      "NavigationList",
    );
  });

  it("builds Meta's ChipsSelector example (6.3); update_data on it needs 7.1", () => {
    const chips = new ChipsSelector({
      name: "chips",
      label: "Personalize your experience",
      description: "Choose your interests to get personalized design ideas and solution",
      maxSelectedItems: 2,
      dataSource: [
        { id: "room_layout", title: "🏡 Room layouts" },
        { id: "lighting", title: "💡 Lighting" },
        { id: "renovation", title: "🛠️ Renovation" },
        { id: "furnitures", title: "📐 Room layouts" },
      ],
    });
    expect(oneScreen("6.3", [chips, footer()]).toJSON()).toEqual({
      version: "6.3",
      screens: [
        {
          id: "DEMO_SCREEN",
          terminal: true,
          title: "Demo screen",
          layout: {
            type: "SingleColumnLayout",
            children: [
              {
                type: "ChipsSelector",
                name: "chips",
                label: "Personalize your experience",
                description: "Choose your interests to get personalized design ideas and solution",
                "max-selected-items": 2,
                "data-source": [
                  { id: "room_layout", title: "🏡 Room layouts" },
                  { id: "lighting", title: "💡 Lighting" },
                  { id: "renovation", title: "🛠️ Renovation" },
                  { id: "furnitures", title: "📐 Room layouts" },
                ],
              },
              footerJson,
            ],
          },
        },
      ],
    });
    const e = versionError(() => oneScreen("5.0", [chips]).toJSON());
    expect(e.message).toBe(
      'ChipsSelector needs Flow JSON 6.3 or newer; this flow is version 5.0 (at screens[0] (DEMO_SCREEN).layout.children[0] (ChipsSelector "chips"))',
    );
    const updating = new ChipsSelector({ name: "c", label: "C", dataSource: [], onSelectAction: new UpdateDataAction({ payload: { x: 1 } }) });
    expect(versionError(() => oneScreen("6.3", [updating]).toJSON()).feature).toBe("ChipsSelector.onSelectAction with update_data");
    expect(firstChild(oneScreen("7.1", [updating]))).toEqual({
      type: "ChipsSelector",
      name: "c",
      label: "C",
      "data-source": [],
      "on-select-action": { name: "update_data", payload: { x: 1 } },
    });
  });
});

describe("Flow JSON 7.x (label variants, ImageCarousel)", () => {
  it("builds Meta's ImageCarousel example (7.1)", () => {
    const srcs = ["iVBORw0KGgoAAAANSUhEUgAAAB4AAAAKCAIAAAAsFXl4", "iVBORw0KGgoAAAANSUhEUgAAAAoAAAAKCAIAAAACUFjq", "iVBORw0KGgoAAAANSUhEUgAAAAoAAAAUCAIAAAA7jDsB"];
    const carousel = new ImageCarousel({
      scaleType: "cover",
      images: [
        new ImageCarouselItem({ altText: "Landscape image", src: srcs[0]! }),
        { altText: "Square image", src: srcs[1]! },
        { altText: "Portrait image", src: srcs[2]! },
      ],
    });
    expect(new FlowJSON({ version: "7.1", screens: [new Screen({ id: "DEMO_SCREEN", terminal: true, title: "Demo screen", layout: new Layout({ children: [carousel, footer()] }) })] }).toJSON()).toEqual({
      version: "7.1",
      screens: [
        {
          id: "DEMO_SCREEN",
          terminal: true,
          title: "Demo screen",
          layout: {
            type: "SingleColumnLayout",
            children: [
              {
                type: "ImageCarousel",
                "scale-type": "cover",
                images: [
                  { "alt-text": "Landscape image", src: srcs[0] },
                  { "alt-text": "Square image", src: srcs[1] },
                  { "alt-text": "Portrait image", src: srcs[2] },
                ],
              },
              footerJson,
            ],
          },
        },
      ],
    });
    expect(versionError(() => oneScreen("7.0", [carousel]).toJSON()).feature).toBe("ImageCarousel");
  });

  it("labelVariant on TextInput and TextArea needs 7.0; 7.3 takes everything", () => {
    const input = new TextInput({ name: "about", label: "Tell us about yourself, in detail", labelVariant: "large" });
    const area = new TextArea({ name: "notes", label: "Notes", labelVariant: "large", maxLength: 600, enabled: true });
    expect(oneScreen("7.3", [input, area, footer()]).toJSON()).toMatchObject({
      version: "7.3",
      screens: [
        {
          layout: {
            children: [
              { type: "TextInput", name: "about", label: "Tell us about yourself, in detail", "label-variant": "large" },
              { type: "TextArea", name: "notes", label: "Notes", "label-variant": "large", "max-length": 600, enabled: true },
              footerJson,
            ],
          },
        },
      ],
    });
    expect(versionError(() => oneScreen("6.3", [area]).toJSON()).feature).toBe("TextArea.labelVariant");
  });
});

describe("FlowJSON itself and standalone serialization", () => {
  it("validates versions, screen ids and screen data", () => {
    const screens = [new Screen({ id: "A", terminal: true, layout: new Layout({ children: [footer()] }) })];
    expect(() => new FlowJSON({ version: "2.0", screens })).toThrow(/below the minimum, 2\.1/);
    expect(() => new FlowJSON({ version: "seven", screens })).toThrow(/must look like "7\.1"/);
    expect(() => new FlowJSON({ version: "7.1", dataApiVersion: "2.0", screens })).toThrow(/data_api_version 2\.0 is below the minimum, 3\.0/);
    expect(() => new FlowJSON({ version: "7.1", screens: [] })).toThrow(/at least one screen/);
    expect(() => new FlowJSON({ version: "7.1", screens: [screens[0]!, screens[0]!] })).toThrow(/Two screens have the id "A"/);
    expect(() => new Screen({ id: "SUCCESS", layout: new Layout({ children: [] }) })).toThrow(/reserved/);
    const empty = new ScreenData({ key: "list", example: [] as string[] });
    expect(() => oneScreen("7.1", [footer()], { data: [empty] }).toJSON()).toThrow(/"list": an array example needs at least one item/);
    const nested = new ScreenData({ key: "user", example: { name: "Ann", tags: ["a"], vip: true, age: 3, since: new Date("2024-01-02") } });
    expect((oneScreen("7.1", [footer()], { data: [nested] }).toJSON() as { screens: { data: unknown }[] }).screens[0]!.data).toEqual({
      user: {
        type: "object",
        properties: { name: { type: "string" }, tags: { type: "array", items: { type: "string" } }, vip: { type: "boolean" }, age: { type: "number" }, since: { type: "string" } },
        __example__: { name: "Ann", tags: ["a"], vip: true, age: 3, since: "2024-01-02" },
      },
    });
  });

  it("toJsonString is the JSON text that is uploaded; raw components pass through as given", () => {
    const flow = oneScreen("7.1", [{ type: "TextBody", text: "raw", "font-weight": "bold" }, footer()]);
    expect(JSON.parse(flow.toJsonString())).toEqual(flow.toJSON());
    expect(flow.toJsonString()).toBe(JSON.stringify(flow.toJSON(), null, 2));
    expect(JSON.parse(JSON.stringify(flow))).toEqual(flow.toJSON());
    expect(firstChild(flow)).toEqual({ type: "TextBody", text: "raw", "font-weight": "bold" });
  });

  it("a DataSource or NavigationItem in a FlowResponse's data serializes with Meta's keys", () => {
    const response = new FlowResponse({
      version: "3.0",
      screen: "PICK",
      data: {
        opts: [new DataSource({ id: "a", title: "A", altText: "alt", image: PNG })],
        items: [new NavigationItem({ id: "x", mainContent: { title: "X" } })],
      },
    });
    expect(JSON.parse(JSON.stringify(response.toJSON()))).toEqual({
      version: "3.0",
      screen: "PICK",
      data: { opts: [{ id: "a", title: "A", "alt-text": "alt", image: PNG }], items: [{ id: "x", "main-content": { title: "X" } }] },
    });
  });

  it("types: references carry their value type", () => {
    const name = new TextInput({ name: "name", label: "Name" });
    const flag = new ScreenData({ key: "flag", example: true });
    // @ts-expect-error a string reference is not a boolean
    new TextBody({ text: "x", visible: name.ref });
    // @ts-expect-error a boolean reference is not text
    new TextBody({ text: flag.ref });
    new TextBody({ text: name.ref, visible: flag.ref });
    expect(name.ref.expression).toBe("${form.name}");
    expect(name.refIn("OTHER").expression).toBe("${screen.OTHER.form.name}");
    expect(flag.refIn(new Screen({ id: "S", layout: new Layout({ children: [] }) })).expression).toBe("${screen.S.data.flag}");
    expect(name.ref.inScreen("X").expression).toBe("${screen.X.form.name}");
  });
});
