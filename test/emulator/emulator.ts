import type { RunningAzurite } from './storage/azurite';
import type { ConfigPatch, EmulatorConfig, FaultRule } from './config';
import { applyConfigPatch, defaultConfig } from './config';
import type { JsonObject } from './json';
import { Router } from './router';
import type { EmulatorState } from './state';
import { loadStateFile, saveStateFile } from './state';
import { settleOperations } from './arm/lro';
import type { SeedOptions } from './seeds';
import { buildSeed } from './seeds';
import { registerRoutes } from './routes';

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  ms: number;
  /** When the request arrived (epoch ms): benchmarks read request rates from it. */
  at: number;
}

/** One recorded exchange in oav's live-traffic shape (Authorization redacted). */
export interface TrafficPair {
  liveRequest: { url: string; method: string; headers: Record<string, string>; body: JsonObject | unknown[] | string | null };
  liveResponse: { statusCode: string; headers: Record<string, string>; body: JsonObject | unknown[] | string | null };
}

/** The emulator's in-memory world: state, knobs, routes and the logs tests read. */
export class Emulator {
  state: EmulatorState;
  config: EmulatorConfig;
  readonly router = new Router();
  readonly requests: RequestLogEntry[] = [];
  readonly traffic: TrafficPair[] = [];
  baseUrl = '';
  /** Per-rule counters of the fault knobs (reset whenever the rules are replaced). */
  faultCounters = new WeakMap<FaultRule, { seen: number; fired: number }>();
  private saveTimer?: NodeJS.Timeout;
  /** Set by startEmulator: stop listening, drop every connection, listen again after `downMs`. */
  restart?: (downMs: number) => Promise<void>;
  /** Azurite, the blob service of accounts on it (set by startEmulator when it starts it). */
  storage?: RunningAzurite;

  constructor(
    readonly signingKey: Buffer,
    private seedName: string,
    private seedOptions: SeedOptions,
    config: ConfigPatch | undefined,
    readonly dataFile: string | undefined,
    readonly recordTraffic: boolean,
  ) {
    this.config = applyConfigPatch(defaultConfig, config);
    const persisted = dataFile ? loadStateFile(dataFile) : undefined;
    this.state = persisted ?? buildSeed(seedName, seedOptions, this.config);
    registerRoutes(this);
    if (dataFile && !persisted) this.flush();
  }

  /** Lets time-driven changes (LROs finishing, replication) land before a request is served. */
  tick(): void {
    if (settleOperations(this, Date.now())) this.saveSoon();
  }

  setConfig(patch: ConfigPatch): EmulatorConfig {
    this.config = applyConfigPatch(this.config, patch);
    if (patch.faults) this.faultCounters = new WeakMap();
    return this.config;
  }

  /** Back to the seed (or another one); knobs go back to what the emulator started with unless kept. */
  reset(seed?: string, seedOptions?: SeedOptions): void {
    if (seed) this.seedName = seed;
    if (seedOptions) this.seedOptions = seedOptions;
    this.state = buildSeed(this.seedName, this.seedOptions, this.config);
    this.requests.length = 0;
    this.traffic.length = 0;
    this.faultCounters = new WeakMap();
    this.saveSoon();
  }

  saveSoon(): void {
    if (!this.dataFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), 20);
  }

  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.dataFile) saveStateFile(this.dataFile, this.state);
  }
}
