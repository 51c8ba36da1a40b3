import type * as https from 'node:https';
import type { ConfigPatch, EmulatorConfig } from './config';
import type { EmulatorState } from './state';
import type { RequestLogEntry, TrafficPair } from './emulator';
import { Emulator } from './emulator';
import { listen } from './server';
import { setReplicationFaults } from './admin';
import type { SeedOptions } from './seeds';
import { LOCAL_PRINCIPAL } from './seeds/wellKnown';
import { azuriteAccounts, putSampleBlobs } from './storage/samples';
import { startAzurite, type RunningAzurite } from './storage/azurite';
import { defaultCacheDir, loadOrCreateSigningKey, loadOrCreateTls } from './tls';

export type { ConfigPatch, EmulatorConfig, FaultRule, LroFailure, RequestScope } from './config';
export type { RequestLogEntry, TrafficPair } from './emulator';
export type { EmulatorState } from './state';
export type { SeedName, SeedOptions } from './seeds';
export * from './seeds/wellKnown';
export { RICH_IDS, RICH_GROUPS, FABRIKAM_COMMUNITY_PUBLIC_NAME } from './seeds/richSources';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. The server binds 127.0.0.1 only. */
  port?: number;
  /** `empty` (default), `demo` or `scale`. */
  seed?: string;
  /** Sizes for the `scale` seed. */
  seedOptions?: SeedOptions;
  /** Persist state to this JSON file (atomic writes); an existing file is loaded instead of the seed. */
  dataFile?: string;
  /** Where the CA and token key are cached (default: `<repo>/.emulator/`). */
  cacheDir?: string;
  /** Knobs at start; change them later with `admin.setConfig` or `POST /_admin/config`. */
  config?: ConfigPatch;
  /** Record request/response pairs (default true). */
  recordTraffic?: boolean;
  /**
   * Start Azurite as the blob service of the storage accounts on it (issue 15), with their sample
   * blobs; `dataDir` keeps blobs on disk (in memory otherwise).
   */
  storage?: boolean | { dataDir?: string };
}

export interface EmulatorAdmin {
  config(): EmulatorConfig;
  setConfig(patch: ConfigPatch): EmulatorConfig;
  reset(seed?: string, seedOptions?: SeedOptions): void;
  /** Finish every running LRO and replication now. */
  finishOperations(): void;
  clearLogs(): void;
  /** These regions' copies of one version fail (as `POST /_admin/replication-faults`); [] lets later copies succeed. */
  setReplicationFaults(versionId: string, failRegions: string[]): void;
}

export interface RunningEmulator {
  url: string;
  caCertPem: string;
  caPath: string;
  stop(): Promise<void>;
  requests: RequestLogEntry[];
  traffic: TrafficPair[];
  /** Live state (read it; change it through the API or admin). */
  readonly state: EmulatorState;
  admin: EmulatorAdmin;
  principal: { tenantId: string; clientId: string; clientSecret: string };
  /** Azurite, when started with `storage`. */
  storage?: RunningAzurite;
}

/** Starts the local Azure in this process: HTTPS on 127.0.0.1 with its own CA. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const cacheDir = options.cacheDir ?? defaultCacheDir;
  const tls = await loadOrCreateTls(cacheDir);
  const emu = new Emulator(
    loadOrCreateSigningKey(cacheDir),
    options.seed ?? 'empty',
    options.seedOptions ?? {},
    options.config,
    options.dataFile,
    options.recordTraffic ?? true,
  );
  let server: https.Server = await listen(emu, tls, options.port ?? 0);
  const port = Number(new URL(emu.baseUrl).port);
  const sockets = new Set<import('node:stream').Duplex>();
  const track = (srv: https.Server) =>
    srv.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
  track(server);
  let stopped = false;
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  if (options.storage) {
    const dataDir = typeof options.storage === 'object' ? options.storage.dataDir : undefined;
    emu.storage = await startAzurite(emu, tls, cacheDir, azuriteAccounts(emu.state), { dataDir });
    await putSampleBlobs(emu.state, emu.storage);
  }
  emu.restart = async (downMs) => {
    if (stopped) return;
    emu.flush();
    await closeServer();
    await new Promise((r) => setTimeout(r, downMs));
    if (stopped) return;
    server = await listen(emu, tls, port);
    track(server);
  };
  return {
    url: emu.baseUrl,
    caCertPem: tls.caCertPem,
    caPath: tls.caPath,
    requests: emu.requests,
    traffic: emu.traffic,
    get state() {
      return emu.state;
    },
    storage: emu.storage,
    principal: { tenantId: LOCAL_PRINCIPAL.tenantId, clientId: LOCAL_PRINCIPAL.clientId, clientSecret: LOCAL_PRINCIPAL.clientSecret },
    admin: {
      config: () => emu.config,
      setConfig: (patch) => emu.setConfig(patch),
      reset: (seed, seedOptions) => emu.reset(seed, seedOptions),
      finishOperations: () => {
        for (const op of Object.values(emu.state.operations)) if (!op.status) op.durationMs = 0;
        for (const r of Object.values(emu.state.resources)) for (const rep of r.replication ?? []) rep.durationMs = 0;
        emu.tick();
      },
      clearLogs: () => {
        emu.requests.length = 0;
        emu.traffic.length = 0;
      },
      setReplicationFaults: (versionId, failRegions) => void setReplicationFaults(emu, versionId, failRegions),
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      emu.flush();
      await closeServer();
      await emu.storage?.stop();
    },
  };
}
