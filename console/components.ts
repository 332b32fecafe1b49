import type { TFunction } from 'i18next';
import type { FieldError } from '../core/errors.ts';
import { html, type SafeHtml } from './html.ts';

/** The CSRF token every console form posts (checked before the handler acts). */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${token}">`;
}

/** The field errors of a refused form, by field name (`body.email` → `email`). */
export function errorsByField(fields: readonly FieldError[]): Map<string, FieldError> {
  const byName = new Map<string, FieldError>();
  for (const f of fields) {
    const name = f.path.replace(/^body\./, '').split('.')[0] ?? f.path;
    if (!byName.has(name)) byName.set(name, f);
  }
  return byName;
}

export function fieldErrorText(t: TFunction, error: FieldError): string {
  return t(`validation:${error.rule}`, { ...error.params, defaultValue: t('validation:invalid') });
}

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'url';
  value?: string;
  required?: boolean;
  autocomplete?: string;
  hint?: string;
  /** `<select>` options (value, label). */
  options?: readonly (readonly [string, string])[];
}

/** A labelled input with its hint and error, tied together with aria-describedby. */
export function field(t: TFunction, spec: FieldSpec, error?: FieldError): SafeHtml {
  const id = `f-${spec.name}`;
  const described = [spec.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  const aria = html`${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
  const control = spec.options
    ? html`<select id="${id}" name="${spec.name}"${aria}>${spec.options.map(
        ([value, label]) =>
          html`<option value="${value}"${value === spec.value ? html` selected` : ''}>${label}</option>`,
      )}</select>`
    : html`<input id="${id}" name="${spec.name}" type="${spec.type ?? 'text'}" value="${spec.value ?? ''}"${
        spec.required ? html` required` : ''
      }${spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''}${aria}>`;
  return html`<div class="sc-field"><label for="${id}">${spec.label}</label>${control}${
    spec.hint ? html`<p class="sc-hint" id="${id}-hint">${spec.hint}</p>` : ''
  }${error ? html`<p class="sc-field-error" id="${id}-error">${fieldErrorText(t, error)}</p>` : ''}</div>`;
}

/** A message at the top of a form that was refused, focusable so it can be announced. */
export function alertBox(message: string | undefined): SafeHtml {
  return message ? html`<div class="sc-alert" role="alert">${message}</div>` : html``;
}

export function notice(message: string | undefined): SafeHtml {
  return message ? html`<div class="sc-notice" role="status">${message}</div>` : html``;
}
