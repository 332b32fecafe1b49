import type { z } from 'zod';
import type { FieldError } from '../errors.ts';

/**
 * Turns zod issues into field errors whose `rule` is a key of the `validation` namespace.
 * Core services that validate with a schema chosen at run time (an address for its destination)
 * need it as much as the HTTP edge; functions/http/field-errors.ts has the same mapping and can
 * re-export this one.
 */
export function fieldErrorsFrom(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined
          ? { path, rule: 'required' }
          : { path, rule: 'invalid_type', params: { expected: issue.expected } };
      case 'too_small':
        return {
          path,
          rule: issue.origin === 'string' ? 'too_short' : 'too_small',
          params: { minimum: Number(issue.minimum) },
        };
      case 'too_big':
        return {
          path,
          rule: issue.origin === 'string' ? 'too_long' : 'too_big',
          params: { maximum: Number(issue.maximum) },
        };
      case 'invalid_format':
        return { path, rule: 'invalid_format', params: { format: issue.format } };
      case 'invalid_value':
        return { path, rule: 'invalid_value', params: { options: issue.values.map(String).join(', ') } };
      case 'unrecognized_keys':
        return { path, rule: 'unrecognized_keys', params: { keys: issue.keys.join(', ') } };
      case 'not_multiple_of':
        return { path, rule: 'not_multiple_of', params: { divisor: Number(issue.divisor) } };
      case 'custom': {
        // A schema's own rule, named in the refinement's params (a key of the validation namespace).
        const { rule, ...values } = (issue.params ?? {}) as Record<string, unknown>;
        return typeof rule === 'string'
          ? { path, rule, ...(Object.keys(values).length > 0 && { params: values }) }
          : { path, rule: 'invalid' };
      }
      default:
        return { path, rule: 'invalid' };
    }
  });
}
