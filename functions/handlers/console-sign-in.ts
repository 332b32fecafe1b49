import * as z from 'zod';
import { signInPage } from '../../console/pages/sign-in.ts';
import { DomainError } from '../../core/errors.ts';
import { consoleSessionPolicy } from '../../core/partners/users.ts';
import { implement } from '../http/route.ts';
import {
  consoleAnswer,
  consoleForm,
  consolePage,
  consoleSessionCookie,
  safeNext,
  signInToken,
} from './console-kit.ts';

const signInForm = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
  next: z.string().max(500).optional(),
});

/**
 * POST /sign-in: email and password of a console user. Success starts a session (the
 * `sc_session` cookie) and goes to `next` or the start page; a refusal shows the form again
 * with one message for unknown email and wrong password alike (401). Failures are throttled.
 */
export const handler = implement('console-sign-in', async (input) => {
  const { token } = signInToken(input.event);
  const ctx = await consolePage(input, token);
  const { value, raw } = consoleForm(input, signInForm);
  try {
    const signedIn = await input.services.partners.signIn(value, input.clientIp);
    const home =
      signedIn.user.role === 'operator' || !signedIn.user.tenantId
        ? '/'
        : `/tenants/${signedIn.user.tenantId}`;
    return {
      status: 303,
      headers: { location: safeNext(value.next) ?? home, 'cache-control': 'no-store' },
      cookies: [consoleSessionCookie(signedIn.token, consoleSessionPolicy.absoluteSeconds)],
      text: '',
    };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'INVALID_CREDENTIALS') throw error;
    const email = typeof raw.email === 'string' ? raw.email : '';
    return consoleAnswer(
      ctx,
      signInPage(ctx, {
        email,
        error: 'console:invalidCredentials',
        ...(value.next && { next: safeNext(value.next) }),
      }),
      { status: 401 },
    );
  }
});
