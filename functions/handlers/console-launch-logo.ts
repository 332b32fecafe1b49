import { storeLogo } from '../../adapters/assets/logo.ts';
import { launchPath } from '../../console/launch/pages.ts';
import { DomainError } from '../../core/errors.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage, principalOf, seeOther } from './console-kit.ts';
import { launchDrafts, stepPage, uploadedFile } from './console-launch-kit.ts';

/**
 * POST /tenants/{tenantId}/launch/brand/logo (multipart): the logo into the asset store (type
 * and size checked, resized) and its URL into the draft's brand; 400 on the brand page otherwise.
 */
export const handler = implement('console-launch-logo', async (input) => {
  const principal = principalOf(input);
  const { tenantId } = input.params;
  const drafts = launchDrafts(input.services);
  try {
    const { bytes } = await uploadedFile(input, 'logo');
    const { draft } = await drafts.get(principal, tenantId);
    const logoUrl = await storeLogo(
      input.services.assets,
      tenantId,
      bytes,
      draft.config.brand.colours.background,
    );
    await drafts.saveStep(principal, tenantId, 'brand', {
      name: draft.config.name,
      brand: { ...draft.config.brand, logoUrl },
    });
    return seeOther(launchPath(tenantId, '/brand?saved=1'));
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
    const ctx = await consolePage(input);
    const view = await stepPage(input.services, principal, ctx, 'brand', { errors: error.fields });
    return consoleAnswer(ctx, view, { status: 400 });
  }
});
