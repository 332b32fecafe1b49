import { describe, expect, it } from 'vitest';
import { calibratedCpuSlowdown } from '../../bench/kit.ts';

describe("Lighthouse's CPU calibration", () => {
  it('follows the calculator: 4× at 1,533, 3× at 1,300, 2× at 800, 1× at 150 and below', () => {
    expect(calibratedCpuSlowdown(1533)).toBeCloseTo(4, 1);
    expect(calibratedCpuSlowdown(1300)).toBe(3);
    expect(calibratedCpuSlowdown(800)).toBe(2);
    expect(calibratedCpuSlowdown(504.5)).toBeCloseTo(1.55, 2);
    expect(calibratedCpuSlowdown(150)).toBe(1);
    expect(calibratedCpuSlowdown(90)).toBe(1);
  });
});
