/**
 * The snap-in process's CPU time over a span of its run, from the samples it reports
 * (`snap-in-process.ts`: [epoch ms, CPU ms used so far], main thread and workers together).
 */
export type CpuSamples = Array<[number, number]>;

/** CPU ms used at `at` (epoch ms), read between the two samples around it. */
function cpuAt(samples: CpuSamples, at: number): number {
  if (at <= samples[0][0]) return samples[0][1];
  for (let i = 1; i < samples.length; i++) {
    const [t1, c1] = samples[i];
    if (at > t1) continue;
    const [t0, c0] = samples[i - 1];
    return t1 === t0 ? c1 : c0 + ((c1 - c0) * (at - t0)) / (t1 - t0);
  }
  return samples[samples.length - 1][1];
}

/** CPU ms the process used between `from` and `to` (epoch ms); undefined without samples. */
export function cpuMsBetween(samples: CpuSamples | undefined, from: number | undefined, to: number | undefined): number | undefined {
  if (!samples || samples.length === 0 || from === undefined || to === undefined) return undefined;
  return cpuAt(samples, to) - cpuAt(samples, from);
}
