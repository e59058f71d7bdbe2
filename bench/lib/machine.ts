/**
 * What else the shared machine was doing while a benchmark ran: the share of
 * CPU time the hypervisor stole, how busy all cores were, the load average.
 * On this kind of VM wall-clock figures move by a third with the host's load,
 * so every table reports these beside its numbers.
 */
import { cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';

export interface MachineTicks {
  total: number;
  busy: number;
  steal: number;
}

/** The machine's CPU ticks so far, from /proc/stat (Linux); undefined elsewhere. */
export function machineTicks(): MachineTicks | undefined {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    const idle = f[3]! + (f[4] ?? 0);
    return { total, busy: total - idle, steal: f[7] ?? 0 };
  } catch {
    return undefined;
  }
}

export interface MachineShare {
  /** Share of all cores' time stolen by the hypervisor (0–1). */
  steal?: number;
  /** Share of all cores' time busy, with anything (0–1). */
  busy?: number;
  /** One-minute load average at the end. */
  load1: number;
}

export function machineShare(from: MachineTicks | undefined, to: MachineTicks | undefined = machineTicks()): MachineShare {
  const span = from && to ? to.total - from.total : 0;
  return {
    ...(from && to && span > 0 ? { steal: (to.steal - from.steal) / span, busy: (to.busy - from.busy) / span } : {}),
    load1: loadavg()[0]!,
  };
}

export function describeShare(s: MachineShare): string {
  const pct = (x: number | undefined) => (x === undefined ? 'n/a' : `${(100 * x).toFixed(1)}%`);
  return `steal ${pct(s.steal)}, machine busy ${pct(s.busy)} of ${cpus().length} cores, load average ${s.load1.toFixed(2)}`;
}

/** The process's own CPU seconds for `pid` (utime + stime from /proc), 0 when unknown. */
export function processCpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
