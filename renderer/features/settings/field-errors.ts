/**
 * Maps the backend's `bad_input` message ("Invalid input for settings.set: testFraction: Too big…;
 * seed: …") to per-field messages, so each error can sit beside its field. Pure.
 */

/** Field name → message; fields with no error are absent. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** Picks out the `field: message` parts for the given fields; anything else is left to the form-level error. */
export function fieldErrorsFromMessage<F extends string>(message: string, fields: readonly F[]): FieldErrors<F> {
  const details = message.includes(': ') ? message.slice(message.indexOf(': ') + 2) : message;
  const errors: FieldErrors<F> = {};
  for (const part of details.split('; ')) {
    const separator = part.indexOf(': ');
    if (separator < 0) continue;
    const field = part.slice(0, separator) as F;
    if (fields.includes(field) && errors[field] === undefined) errors[field] = part.slice(separator + 2);
  }
  return errors;
}
