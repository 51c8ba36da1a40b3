import { parseArgs } from 'node:util';
import { startEmulator } from './index';

/**
 * `npm run emulator -- --port 0 --seed demo [--latency-ms n] [--data-file f]`
 * Prints exactly one JSON line when ready: {"url","ca","tenantId","clientId","clientSecret"}.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string', default: 'demo' },
      'latency-ms': { type: 'string' },
      'data-file': { type: 'string' },
      'lro-ms': { type: 'string' },
      'replication-ms': { type: 'string' },
      'retry-after': { type: 'string' },
      'page-size': { type: 'string' },
      'token-lifetime': { type: 'string' },
      subscriptions: { type: 'string' },
      galleries: { type: 'string' },
      images: { type: 'string' },
      versions: { type: 'string' },
    },
    strict: true,
  });
  const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
  const emulator = await startEmulator({
    port: num(values.port) ?? 0,
    seed: values.seed,
    dataFile: values['data-file'],
    seedOptions: { subscriptions: num(values.subscriptions), galleries: num(values.galleries), images: num(values.images), versions: num(values.versions) },
    config: {
      ...(values['latency-ms'] !== undefined ? { latencyMs: num(values['latency-ms']) } : {}),
      ...(values['page-size'] !== undefined ? { pageSize: num(values['page-size']) } : {}),
      ...(values['token-lifetime'] !== undefined ? { tokenLifetimeSeconds: num(values['token-lifetime']) } : {}),
      lro: {
        ...(values['lro-ms'] !== undefined ? { durationMs: num(values['lro-ms']) } : {}),
        ...(values['retry-after'] !== undefined ? { retryAfterSeconds: num(values['retry-after']) } : {}),
      },
      replication: values['replication-ms'] !== undefined ? { durationMs: num(values['replication-ms']) } : {},
    },
    // Azurite, the blob service of the storage accounts on it (issue 15).
    storage: true,
  });
  process.stdout.write(
    JSON.stringify({
      url: emulator.url,
      ca: emulator.caPath,
      tenantId: emulator.principal.tenantId,
      clientId: emulator.principal.clientId,
      clientSecret: emulator.principal.clientSecret,
    }) + '\n',
  );
  const shutdown = (): void => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  process.stderr.write(`emulator failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
