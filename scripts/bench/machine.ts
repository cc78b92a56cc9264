import { cpus, loadavg } from 'node:os';

/** The machine's load, printed beside timings: a figure taken on a busy machine says so. */
export const machineLoad = () => `load ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`;
