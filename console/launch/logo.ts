/** What a logo upload may be: raster images only (no SVG: it can carry script), at most 2 MB. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const logoTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
