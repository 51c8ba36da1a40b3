// The steps under "Advanced…": data disks (with an OS disk, snapshot or VHD source), encryption
// per region (a disk encryption set for the OS disk and each LUN; confidential-VM encryption for a
// confidential definition), and the safety profile.
import type { DataDiskCandidate, DiskEncryptionSetInfo } from '../../azure/writeTypes';
import { normalizeRegionName } from '../../model/replication';
import { CONFIDENTIAL_VM_ENCRYPTION_TYPES, dataDisksAllowedWith, lunWarning, nextFreeLun, validateNewLun, type ConfidentialVmEncryptionType, type RegionEncryption } from '../../model/versionContent';
import { CANCEL, isNavigation, type Navigation, type PickEntry, type Prompter, type Step, type StepHeader } from '../../ui/wizard';
import { regionLabel, type RegionChoice } from '../../ui/regions';
import { vhdPrompt } from './vhdPrompt';
import { lunsOf } from './spec';
import { isConfidential, type DataDiskChoice, type Lookups, type State } from './types';

const sub = (header: StepHeader, what: string): StepHeader => ({ ...header, title: `${header.title} — ${what}`, canGoBack: true });

type DiskAnswer = 'done' | 'add' | DataDiskChoice;
type DiskSource = DataDiskCandidate | 'vhd';

/** Data disks: a list the user adds to (and removes from) until Done. */
export function dataDiskStep(lookups: Lookups): Step<State> {
  return {
    title: 'Data disks',
    when: (s) => s.source !== undefined && dataDisksAllowedWith(s.source.kind),
    async ask(s, prompter, header) {
      for (;;) {
        const disks = s.dataDisks ?? [];
        const items: PickEntry<DiskAnswer>[] = [
          { label: `$(check) Done`, detail: disks.length ? `${disks.length} data disk${disks.length === 1 ? '' : 's'}` : 'No data disks: the image has its OS disk only', value: 'done' },
          { label: '$(add) Add a data disk…', detail: 'A managed disk, a snapshot or a VHD, at a LUN (0–63)', value: 'add' },
        ];
        if (disks.length) items.push({ separator: 'Data disks (pick one to remove it)' }, ...disks.map((d) => ({ label: `$(trash) LUN ${d.lun}: ${d.label}`, value: d })));
        const answer = await prompter.pick<DiskAnswer>({ ...header, placeholder: 'Data disks of the image', items, selected: ['done'] });
        if (isNavigation(answer)) return answer;
        if (answer === 'done') return undefined;
        if (answer !== 'add') {
          s.dataDisks = disks.filter((d) => d !== answer);
          continue;
        }
        const added = await addDataDisk(lookups, s, prompter, header);
        if (added === CANCEL) return CANCEL;
        if (!isNavigation(added)) s.dataDisks = [...disks, added].sort((a, b) => a.lun - b.lun);
      }
    },
  };
}

async function addDataDisk(lookups: Lookups, s: State, prompter: Prompter, header: StepHeader): Promise<DataDiskChoice | Navigation> {
  const region = normalizeRegionName(s.source!.location);
  const taken = (s.dataDisks ?? []).map((d) => d.lun);
  for (;;) {
    const candidates = (await lookups.dataDiskCandidates(s.definition!)).filter((c) => normalizeRegionName(c.location) === region);
    const source = await prompter.pick<DiskSource>({
      ...sub(header, 'source'),
      placeholder: `A disk or snapshot without an OS, in ${region} (the source's region)`,
      items: [
        ...candidates.map((c) => ({ label: `$(${c.kind === 'disk' ? 'database' : 'device-camera'}) ${c.name}`, description: `${c.kind} · ${c.resourceGroup}${c.sizeGB ? ` · ${c.sizeGB} GB` : ''}`, value: c as DiskSource })),
        { label: '$(file-binary) A VHD in a storage account…', value: 'vhd' },
      ],
    });
    if (isNavigation(source)) return source;
    let chosen: Omit<DataDiskChoice, 'lun'> | Navigation;
    if (source === 'vhd') chosen = await vhdDisk(lookups, s, prompter, header);
    else chosen = { source: { id: source.id }, label: `${source.name} (${source.kind})` };
    if (chosen === CANCEL) return CANCEL;
    if (isNavigation(chosen)) continue;
    const lun = await prompter.input({
      ...sub(header, 'LUN'),
      prompt: `The LUN of ${chosen.label} (unique in the image; VMs attach data disks at 0–63)`,
      placeholder: 'e.g. 0',
      value: String(nextFreeLun(taken) ?? ''),
      validate: (v) => validateNewLun(v, taken),
      warn: lunWarning,
    });
    if (lun === CANCEL) return CANCEL;
    if (isNavigation(lun)) continue;
    return { ...chosen, lun: Number(lun.trim()) };
  }
}

async function vhdDisk(lookups: Lookups, s: State, prompter: Prompter, header: StepHeader): Promise<Omit<DataDiskChoice, 'lun'> | Navigation> {
  const vhd = await vhdPrompt(await lookups.storageAccounts(s.definition!), prompter, header, {
    accountPlaceholder: 'The storage account that holds the VHD',
    urlPrompt: (account) => `The VHD's blob URL in ${account.name}`,
    file: 'data.vhd',
  });
  if (isNavigation(vhd)) return vhd;
  return { source: { uri: vhd.url, storageAccountId: vhd.account.id }, label: vhd.url.split('/').pop() ?? vhd.url };
}

type KeyAnswer = 'platform' | 'customer';

/** Encryption: platform-managed keys (nothing sent), or a disk encryption set per region and disk. */
export function encryptionStep(lookups: Lookups): Step<State> {
  return {
    title: 'Encryption',
    when: (s) => s.source !== undefined,
    async ask(s, prompter, header) {
      for (;;) {
        const answer = await prompter.pick<KeyAnswer>({
          ...header,
          placeholder: 'How the image’s disks are encrypted at rest in each region',
          items: [
            { label: 'Platform-managed keys', detail: "Azure's default: nothing to choose", value: 'platform' },
            { label: 'Customer-managed keys…', detail: 'A disk encryption set of each target region for the OS disk and each data disk', value: 'customer' },
          ],
          selected: [s.encryption ?? 'platform'],
        });
        if (isNavigation(answer)) return answer;
        if (answer === 'platform') {
          s.encryption = 'platform';
          s.regionEncryption = undefined;
          return undefined;
        }
        const sets = await lookups.encryptionSets(s.definition!);
        const labels = await lookups.regions(s.definition!).catch(() => []);
        const chosen = await setsPerRegion(s, sets, labels, prompter, header);
        if (chosen === CANCEL) return CANCEL;
        if (isNavigation(chosen)) continue;
        s.encryption = 'customer';
        s.regionEncryption = chosen;
        return undefined;
      }
    },
  };
}

/** For each disk (the OS disk, then each LUN), a set in every region; a disk left unencrypted in the first region stays so. */
async function setsPerRegion(s: State, sets: DiskEncryptionSetInfo[], labels: RegionChoice[], prompter: Prompter, header: StepHeader): Promise<Record<string, RegionEncryption> | Navigation> {
  const regions = s.regions ?? [normalizeRegionName(s.source!.location)];
  const disks: (number | 'os')[] = ['os', ...lunsOf(s)];
  const steps = disks.flatMap((disk) => regions.map((region, i) => ({ disk, region, first: i === 0 })));
  const answers = new Map<string, string | 'none'>();
  const key = (disk: number | 'os', region: string) => `${disk}|${region}`;
  const previous = (disk: number | 'os', region: string) => {
    const e = s.regionEncryption?.[region];
    return disk === 'os' ? e?.osDiskImage?.diskEncryptionSetId : e?.dataDiskImages?.find((d) => d.lun === disk)?.diskEncryptionSetId;
  };
  for (let i = 0; i < steps.length; ) {
    const { disk, region, first } = steps[i];
    if (!first && answers.get(key(disk, regions[0])) === 'none') {
      answers.set(key(disk, region), 'none');
      i++;
      continue;
    }
    const what = disk === 'os' ? 'the OS disk' : `the data disk at LUN ${disk}`;
    const here = sets.filter((set) => normalizeRegionName(set.location) === region);
    const items: PickEntry<string>[] = here.map((set) => ({ label: set.name, description: `${set.resourceGroup}${set.encryptionType ? ` · ${set.encryptionType}` : ''}`, value: set.id }));
    if (first) items.unshift({ label: 'Not encrypted with my key', detail: 'Platform-managed keys for this disk in every region', value: 'none' });
    if (here.length === 0) items.push({ label: `No disk encryption set in ${regionLabel(labels, region)}`, value: '', refusal: `Create a disk encryption set in ${region} first (Azure uses a set of the region it encrypts in), or go Back and leave ${what} unencrypted.` });
    const answer = await prompter.pick<string>({
      ...sub(header, `${regionLabel(labels, region)}, ${what}`),
      placeholder: `The disk encryption set for ${what} in ${regionLabel(labels, region)}`,
      items,
      selected: [answers.get(key(disk, region)) ?? previous(disk, region) ?? (first ? 'none' : '')],
    });
    if (answer === CANCEL) return CANCEL;
    if (isNavigation(answer)) {
      if (i === 0) return answer;
      i--;
      while (i > 0 && !steps[i].first && answers.get(key(steps[i].disk, regions[0])) === 'none') i--;
      continue;
    }
    answers.set(key(disk, region), answer);
    i++;
  }
  const out: Record<string, RegionEncryption> = {};
  for (const region of regions) {
    const os = answers.get(key('os', region));
    const data = lunsOf(s).flatMap((lun) => {
      const id = answers.get(key(lun, region));
      return id && id !== 'none' ? [{ lun, diskEncryptionSetId: id }] : [];
    });
    out[region] = { ...(os && os !== 'none' ? { osDiskImage: { diskEncryptionSetId: os } } : {}), ...(data.length ? { dataDiskImages: data } : {}) };
  }
  return out;
}

type ConfidentialAnswer = ConfidentialVmEncryptionType | 'default';

const CONFIDENTIAL_DETAILS: Record<ConfidentialVmEncryptionType, string> = {
  EncryptedVMGuestStateOnlyWithPmk: 'Only the VM guest state is encrypted, with a platform-managed key',
  EncryptedWithPmk: 'The OS disk and VM guest state, with a platform-managed key',
  EncryptedWithCmk: 'The OS disk and VM guest state, with your key (a disk encryption set per region)',
};

export function confidentialStep(lookups: Lookups): Step<State> {
  return {
    title: 'Confidential VM encryption',
    when: (s) => isConfidential(s.definition?.image),
    async ask(s, prompter, header) {
      for (;;) {
        const answer = await prompter.pick<ConfidentialAnswer>({
          ...header,
          placeholder: 'How confidential VMs made from this image encrypt their OS disk',
          items: [
            { label: "Azure's default", detail: 'Nothing is sent', value: 'default' },
            ...CONFIDENTIAL_VM_ENCRYPTION_TYPES.map((t) => ({ label: t, detail: CONFIDENTIAL_DETAILS[t], value: t as ConfidentialAnswer })),
          ],
          selected: [s.confidentialType ?? 'default'],
        });
        if (isNavigation(answer)) return answer;
        s.confidentialType = answer === 'default' ? undefined : answer;
        if (answer !== 'EncryptedWithCmk') return undefined;
        const sets = await lookups.encryptionSets(s.definition!);
        const labels = await lookups.regions(s.definition!).catch(() => []);
        const regions = s.regions ?? [normalizeRegionName(s.source!.location)];
        let i = 0;
        for (; i < regions.length && i >= 0; ) {
          const region = regions[i];
          const here = sets.filter((set) => normalizeRegionName(set.location) === region);
          const picked = await prompter.pick<string>({
            ...sub(header, regionLabel(labels, region)),
            placeholder: `The disk encryption set of the confidential VM key in ${regionLabel(labels, region)}`,
            items: here.length
              ? here.map((set) => ({ label: set.name, description: set.encryptionType, value: set.id }))
              : [{ label: `No disk encryption set in ${regionLabel(labels, region)}`, value: '', refusal: `Create a disk encryption set in ${region} first, or go Back and choose a platform-managed key.` }],
            selected: s.regionEncryption?.[region]?.osDiskImage?.secureVMDiskEncryptionSetId ? [s.regionEncryption[region].osDiskImage!.secureVMDiskEncryptionSetId!] : [],
          });
          if (picked === CANCEL) return CANCEL;
          if (isNavigation(picked)) {
            i--;
            continue;
          }
          const current = s.regionEncryption?.[region] ?? {};
          s.regionEncryption = { ...s.regionEncryption, [region]: { ...current, osDiskImage: { ...current.osDiskImage, secureVMDiskEncryptionSetId: picked } } };
          s.encryption = 'customer';
          i++;
        }
        if (i >= regions.length) return undefined;
      }
    },
  };
}

type SafetyAnswer = 'none' | 'allow' | 'block' | 'both';

export function safetyStep(): Step<State> {
  return {
    title: 'Safety',
    async ask(s, prompter, header) {
      const noEol = !s.endOfLifeDate?.trim();
      const why = 'Add an end-of-life date first (go Back to the End of life step): deletion is blocked until that date.';
      const answer = await prompter.pick<SafetyAnswer>({
        ...header,
        placeholder: 'Protect the version from deletion?',
        items: [
          { label: 'No protection', detail: "Azure's default", value: 'none' },
          { label: 'Allow removing replicated regions', detail: 'Target regions other than the source region may be removed later', value: 'allow' },
          { label: 'Block deletion before end of life', detail: 'The version cannot be deleted before its end-of-life date', value: 'block', refusal: noEol ? why : undefined },
          { label: 'Both', detail: 'Block deletion before end of life, and allow removing replicated regions', value: 'both', refusal: noEol ? why : undefined },
        ],
        selected: [s.blockDeletion ? (s.allowReplicatedDeletion ? 'both' : 'block') : s.allowReplicatedDeletion ? 'allow' : 'none'],
      });
      if (isNavigation(answer)) return answer;
      s.blockDeletion = answer === 'block' || answer === 'both' ? true : undefined;
      s.allowReplicatedDeletion = answer === 'allow' || answer === 'both' ? true : undefined;
      return undefined;
    },
  };
}
