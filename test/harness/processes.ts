import * as fs from 'node:fs';

/** Process ids whose process group is `pgid` (Linux /proc), i.e. everything a detached child started. */
export function processesInGroup(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid pgrp ...
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) === pgid && rest[0] !== 'Z') pids.push(Number(entry));
    } catch {
      // The process ended while we were reading: not a survivor.
    }
  }
  return pids;
}

/** SIGTERM the group, wait for it to empty, SIGKILL what is left; resolves with the survivors (none). */
export async function stopProcessGroup(pgid: number, graceMs = 3000): Promise<number[]> {
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (processesInGroup(pgid).length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  if (processesInGroup(pgid).length > 0) {
    signalGroup(pgid, 'SIGKILL');
    const killDeadline = Date.now() + 2000;
    while (processesInGroup(pgid).length > 0 && Date.now() < killDeadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return processesInGroup(pgid);
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}
