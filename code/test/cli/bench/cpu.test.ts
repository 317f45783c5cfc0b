/**
 * The bench's CPU time over a span (cli/bench/cpu.ts), read from the samples the snap-in process
 * reports: [epoch ms, CPU ms used so far]. Expected values worked out by hand.
 */
import { cpuMsBetween, type CpuSamples } from '../../../src/cli/bench/cpu';

const samples: CpuSamples = [
  [1_000, 100],
  [1_250, 200],
  [1_500, 200],
  [2_000, 700],
];

describe('CPU time of a span from the snap-in samples', () => {
  it('reads between samples linearly', () => {
    expect(cpuMsBetween(samples, 1_000, 2_000)).toBe(600);
    // 1,125 is halfway to 1,250 (150 ms used); 1,750 halfway to 2,000 (450).
    expect(cpuMsBetween(samples, 1_125, 1_750)).toBe(300);
    expect(cpuMsBetween(samples, 1_250, 1_500)).toBe(0);
  });

  it('clamps a span reaching past the samples to the first and last', () => {
    expect(cpuMsBetween(samples, 0, 5_000)).toBe(600);
  });

  it('has no figure without samples or without a span', () => {
    expect(cpuMsBetween(undefined, 1_000, 2_000)).toBeUndefined();
    expect(cpuMsBetween([], 1_000, 2_000)).toBeUndefined();
    expect(cpuMsBetween(samples, undefined, 2_000)).toBeUndefined();
  });
});
