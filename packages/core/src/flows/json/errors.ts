/**
 * What the Flow JSON builder throws. Every message says where in the flow the
 * problem is (`screens[0] (START) › layout.children[2] (TextInput "email")`), so a
 * mistake in a long flow is found without bisecting it.
 */
export class FlowJSONError extends Error {
  /** Where in the flow: screens, children and property names from the root. */
  readonly path: string;

  constructor(message: string, path = "") {
    super(path ? `${message} (at ${path})` : message);
    this.name = "FlowJSONError";
    this.path = path;
  }
}

/** A component, property or action the FlowJSON's `version` does not have yet. */
export class FlowJSONVersionError extends FlowJSONError {
  /** What needs the newer version, e.g. `ChipsSelector` or `TextInput.pattern`. */
  readonly feature: string;
  /** The first Flow JSON version that has it, e.g. `"6.3"`. */
  readonly requiredVersion: string;
  /** The FlowJSON's `version`. */
  readonly version: string;

  constructor(feature: string, requiredVersion: string, version: string, path: string) {
    super(`${feature} needs Flow JSON ${requiredVersion} or newer; this flow is version ${version}`, path);
    this.name = "FlowJSONVersionError";
    this.feature = feature;
    this.requiredVersion = requiredVersion;
    this.version = version;
  }
}
