// The steps for an image definition's features beyond its security type — disk controllers,
// accelerated networking, hibernation — shared by Create Image Definition ("Advanced…") and Update
// Image Definition. "Not stated" leaves the feature out (on update: removes it).
import { DISK_CONTROLLER_CHOICES, type DefinitionFeatures, type DiskControllerTypes } from '../model/definitionFeatures';
import { describeSecurityType, securityTypesFor, type HyperVGeneration, type SecurityType } from '../model/imageRules';
import { pickStep, type Step } from './wizard';

type Disk = DiskControllerTypes | 'unset';
type Flag = 'true' | 'false' | 'unset';

const flag = (v: boolean | undefined): Flag => (v === undefined ? 'unset' : v ? 'true' : 'false');
const unflag = (v: Flag): boolean | undefined => (v === 'unset' ? undefined : v === 'true');

export interface FeatureStepsOptions<S> {
  when(state: S): boolean;
  get(state: S): DefinitionFeatures | undefined;
  set(state: S, features: DefinitionFeatures): void;
  /** "Not stated" wording: on create the feature is left out; on update it is removed. */
  unsetDetail?: string;
}

export function featureSteps<S>(o: FeatureStepsOptions<S>): Step<S>[] {
  const unset = o.unsetDetail ?? 'Leave the feature out (Azure then assumes the default)';
  const update = (s: S, change: Partial<DefinitionFeatures>) => {
    const next: DefinitionFeatures = { ...(o.get(s) ?? {}), ...change };
    for (const k of Object.keys(change) as (keyof DefinitionFeatures)[]) if (change[k] === undefined) delete next[k];
    o.set(s, next);
  };
  /** A yes/no feature: supported, not supported, or not stated. */
  const flagStep = (title: string, placeholder: string, feature: string, key: 'acceleratedNetworking' | 'hibernation') =>
    pickStep<S, Flag>({
      title,
      placeholder,
      when: o.when,
      items: () => [
        { label: 'Supported', description: `${feature} = true`, value: 'true' as const },
        { label: 'Not supported', description: `${feature} = false`, value: 'false' as const },
        { label: 'Not stated', detail: unset, value: 'unset' as const },
      ],
      get: (s) => (o.get(s) ? flag(o.get(s)?.[key]) : undefined),
      set: (s, v) => update(s, { [key]: unflag(v) }),
    });
  return [
    pickStep<S, Disk>({
      title: 'Disk controllers',
      placeholder: 'Which disk controllers the images support (NVMe needs images with the NVMe driver)',
      when: o.when,
      items: () => [
        ...DISK_CONTROLLER_CHOICES.map((c) => ({ label: c === 'SCSI' ? 'SCSI' : 'SCSI and NVMe', description: `DiskControllerTypes = ${c}`, value: c as Disk })),
        { label: 'Not stated', detail: unset, value: 'unset' as const },
      ],
      get: (s) => o.get(s)?.diskControllerTypes ?? (o.get(s) ? 'unset' : undefined),
      set: (s, v) => update(s, { diskControllerTypes: v === 'unset' ? undefined : v }),
    }),
    flagStep('Accelerated networking', 'Do the images support accelerated networking?', 'IsAcceleratedNetworkSupported', 'acceleratedNetworking'),
    flagStep('Hibernation', 'Can VMs from these images hibernate?', 'IsHibernateSupported', 'hibernation'),
  ];
}

/** Update Image Definition's security type choice: the types the generation allows, sent explicitly. */
export function securityTypeStep<S>(o: { generation: HyperVGeneration; when(state: S): boolean; get(state: S): SecurityType | undefined; set(state: S, type: SecurityType): void }): Step<S> {
  return pickStep<S, SecurityType>({
    title: 'Security type',
    placeholder: 'Which VM security features the images support (sent explicitly, Standard included)',
    when: o.when,
    items: () => securityTypesFor(o.generation).map((t) => ({ label: describeSecurityType(t), description: t, value: t })),
    get: o.get,
    set: (s, v) => {
      o.set(s, v);
    },
  });
}
