import * as z from 'zod';
import { PASSWORD_MAX_LENGTH, passwordProblems } from '../../core/buyers/passwords.ts';

/**
 * Buyer accounts: request bodies and the views answered. Emails are compared lower-cased (core
 * normalizes); the password rules (core/buyers/passwords.ts) are reported with the other fields.
 */
const email = z.email().max(254);
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const companyName = z.string().trim().min(1).max(160);
const contactName = z.string().trim().min(1).max(120);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/);
/**
 * A tax id as typed: 10–20 characters of digits, with '-' or spaces between them (VN MST
 * `0101234567-001`, KR 사업자등록번호 `123-45-67890`). The per-country checksum
 * (core/buyers/tax-ids.ts `validateTaxId(country, raw)`) plugs in here.
 */
export const taxId = z
  .string()
  .trim()
  .refine((v) => /^[0-9][0-9 -]{8,18}[0-9]$/.test(v), { params: { rule: 'tax_id_format' } });

/** The password rules against the email, as field errors of `password`. */
function checkPassword(value: { email: string; password: string }, ctx: z.RefinementCtx) {
  for (const problem of passwordProblems(value.password, value.email)) {
    ctx.addIssue({
      code: 'custom',
      path: ['password'],
      message: problem.rule,
      params: { rule: problem.rule, ...problem.params },
    });
  }
}

export const registrationBody = z
  .strictObject({ companyName, contactName, email, phone, taxId: taxId.optional(), password })
  .superRefine(checkPassword);

export const signInBody = z.strictObject({ email, password });

export const profileUpdateBody = z
  .strictObject({
    companyName: companyName.optional(),
    contactName: contactName.optional(),
    phone: phone.optional(),
    /** `null` removes the tax id. */
    taxId: taxId.nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    params: { rule: 'required' },
  });

export const resetRequestBody = z.strictObject({ email });

export const resetConfirmBody = z
  .strictObject({ email, code: z.string().regex(/^[0-9]{6}$/), password })
  .superRefine(checkPassword);

export const buyerView = z.looseObject({
  buyerId: z.string(),
  email: z.string(),
  companyName: z.string(),
  contactName: z.string(),
  phone: z.string(),
  taxId: z.string().optional(),
  createdAt: z.string(),
});

export const sessionsEndedView = z.looseObject({
  /** How many sessions this call ended (0 when they had already ended). */
  sessionsEnded: z.int().min(0),
});

export const resetAcceptedView = z.looseObject({
  accepted: z.literal(true),
  /** In the request's language: a code was mailed if the address has an account here. */
  message: z.string(),
});
