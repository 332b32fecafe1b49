/** Answers that carry keys, config or prices frozen for one buyer: never cached by anyone in between. */
export const noStore = { 'cache-control': 'no-store' } as const;

/** Shared caches (CloudFront) may keep the answer `seconds`, separately per site. */
export function publicFor(seconds: number) {
  return { 'cache-control': `public, max-age=${seconds}`, vary: 'host' } as const;
}
