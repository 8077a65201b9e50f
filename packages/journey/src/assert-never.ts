/**
 * Marks the end of an exhaustive `switch`: adding a member to a union without handling it
 * becomes a type error here instead of a silent fall-through at run time.
 */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
