// The typed Flow JSON builder (pywa's `pywa.types.flows` builder classes).
// `Image` is exported as `FlowImage`: the package root already exports the
// incoming-message `Image` type.
export { FlowJSONError, FlowJSONVersionError } from "./errors.ts";
export { FlowJSON, FLOW_JSON_VERSIONS, FLOW_DATA_API_VERSIONS, LATEST_FLOW_JSON_VERSION, type FlowJSONInit, type FlowJSONVersion } from "./flow-json.ts";
export { Screen, Layout, type ScreenInit, type LayoutInit } from "./screen.ts";
export { ScreenData, ScreenDataUpdate, DataSource, type DataSourceInit, type DataSourceItem } from "./data.ts";
export {
  Expr,
  Operand,
  Ref,
  ScreenDataRef,
  ComponentRef,
  Condition,
  MathExpression,
  FlowStr,
  flowStr,
  type Literal,
  type ScreenLike,
} from "./expressions.ts";
export {
  DataExchangeAction,
  NavigateAction,
  CompleteAction,
  UpdateDataAction,
  OpenUrlAction,
  Next,
  type Action,
  type ActionPayload,
} from "./actions.ts";
export {
  LayoutType,
  FontWeight,
  InputType,
  LabelVariant,
  MediaSize,
  ScaleType,
  PhotoSource,
  CalendarPickerMode,
  CalendarDay,
  NextType,
  FlowActionType,
} from "./enums.ts";
export type { Bool, DateInput, Dyn, Num, RawComponent, Str, Text, Visible } from "./types.ts";
export { Component, FormComponent, type Child, type ComponentSpec, type FormProps } from "./components/base.ts";
export { Form, type FormInit } from "./components/form.ts";
export {
  TextHeading,
  TextSubheading,
  TextBody,
  TextCaption,
  RichText,
  type TextHeadingProps,
  type TextBodyProps,
  type RichTextProps,
} from "./components/text.ts";
export { TextInput, TextArea, type TextInputProps, type TextAreaProps } from "./components/inputs.ts";
export {
  CheckboxGroup,
  RadioButtonsGroup,
  Dropdown,
  ChipsSelector,
  OptIn,
  type DataSourceInput,
  type CheckboxGroupProps,
  type RadioButtonsGroupProps,
  type DropdownProps,
  type ChipsSelectorProps,
  type OptInProps,
} from "./components/selection.ts";
export {
  DatePicker,
  CalendarPicker,
  CalendarRangeValues,
  type Range,
  type DatePickerProps,
  type CalendarPickerProps,
} from "./components/dates.ts";
export {
  Image as FlowImage,
  ImageCarousel,
  ImageCarouselItem,
  PhotoPicker,
  DocumentPicker,
  type ImageProps as FlowImageProps,
  type ImageCarouselProps,
  type ImageCarouselItemInit,
  type PhotoPickerProps,
  type DocumentPickerProps,
  type MediaErrors,
} from "./components/media.ts";
export {
  Footer,
  EmbeddedLink,
  NavigationList,
  NavigationItem,
  type FooterProps,
  type EmbeddedLinkProps,
  type NavigationListProps,
  type NavigationItemInit,
  type NavigationItemMainContent,
  type NavigationItemStart,
  type NavigationItemEnd,
} from "./components/navigation.ts";
export { If, Switch, type IfProps, type SwitchProps } from "./components/conditional.ts";
