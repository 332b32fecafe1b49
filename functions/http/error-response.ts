import { DomainError } from '../../core/errors.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import type { Locale } from '../../locales/index.ts';
import { statusOf } from './status.ts';
import type { HttpResult } from './types.ts';

/**
 * The one error body every endpoint returns:
 * `{ error: { code, message, fields?: [{ path, rule, message }], requestId } }`,
 * with the message in the request's locale.
 */
export function errorResponse(error: unknown, locale: Locale, requestId: string): HttpResult {
  const domain = error instanceof DomainError ? error : new DomainError('INTERNAL', { cause: error });
  const t = translatorFor(locale);
  const body = {
    error: {
      code: domain.code,
      message: t(`errors:${domain.code}`, { ...domain.params, requestId }),
      ...(domain.fields.length > 0 && {
        fields: domain.fields.map((f) => ({
          path: f.path,
          rule: f.rule,
          message: t(`validation:${f.rule}`, f.params ?? {}),
        })),
      }),
      requestId,
    },
  };
  const retryAfter = domain.params.retryAfterSeconds;
  return {
    statusCode: statusOf(domain.code),
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-language': locale,
      ...(typeof retryAfter === 'number' && { 'retry-after': String(retryAfter) }),
    },
    body: JSON.stringify(body),
  };
}
