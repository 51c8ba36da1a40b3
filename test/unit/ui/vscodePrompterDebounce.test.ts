// Issue 5: async checks (is the name free?) are debounced while typing. The create flows' own
// look-ups are cached per flow, so the local Azure sees one list request whatever is typed; what the
// debounce saves is the check itself, and that lives in VsCodePrompter. VS Code's quick input cannot
// be typed into from the extension host, so this runs VsCodePrompter in plain Node against a small
// stand-in of the `vscode` API (an InputBox whose value the test changes), with fake timers.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { mock } from 'node:test';
import { CANCEL, type Navigation, type Prompter } from '../../../src/ui/wizard';

type Listener<T> = (value: T) => unknown;

class Emitter<T> {
  private readonly listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => undefined };
  };
  fire(value: T): void {
    for (const l of this.listeners) l(value);
  }
}

/** The InputBox members VsCodePrompter uses; `type` is the user changing the text. */
class FakeInputBox {
  title = '';
  prompt = '';
  placeholder: string | undefined;
  value = '';
  validationMessage: string | undefined;
  busy = false;
  enabled = true;
  ignoreFocusOut = false;
  buttons: readonly unknown[] = [];
  shown = false;
  disposed = false;
  private readonly changed = new Emitter<string>();
  private readonly accepted = new Emitter<void>();
  private readonly hidden = new Emitter<void>();
  private readonly button = new Emitter<unknown>();
  readonly onDidChangeValue = this.changed.event;
  readonly onDidAccept = this.accepted.event;
  readonly onDidHide = this.hidden.event;
  readonly onDidTriggerButton = this.button.event;
  show(): void {
    this.shown = true;
  }
  dispose(): void {
    this.disposed = true;
  }
  type(value: string): void {
    this.value = value;
    this.changed.fire(value);
  }
  accept(): void {
    this.accepted.fire();
  }
  hide(): void {
    this.hidden.fire();
  }
}

const boxes: FakeInputBox[] = [];
const fakeVscode = {
  window: {
    createInputBox: () => {
      const box = new FakeInputBox();
      boxes.push(box);
      return box;
    },
  },
  QuickInputButtons: { Back: { id: 'back' } },
  QuickPickItemKind: { Separator: -1 },
};

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const modules = Module as unknown as { _load: Loader };

describe('VsCodePrompter: async checks are debounced while typing', () => {
  let VsCodePrompter: new (debounceMs?: number) => Prompter;
  let DEBOUNCE_MS: number;
  let original: Loader;

  before(async () => {
    original = modules._load;
    modules._load = function (this: unknown, request, parent, isMain) {
      return request === 'vscode' ? fakeVscode : original.call(this, request, parent, isMain);
    };
    const loaded = await import('../../../src/ui/vscodePrompter');
    VsCodePrompter = loaded.VsCodePrompter;
    DEBOUNCE_MS = loaded.ASYNC_VALIDATION_DEBOUNCE_MS;
  });

  after(() => {
    modules._load = original;
  });

  beforeEach(() => {
    boxes.length = 0;
    mock.timers.enable({ apis: ['setTimeout'] });
  });

  afterEach(() => {
    mock.timers.reset();
  });

  /** Lets the promise callbacks of an async check run (they are not timers). */
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

  function open(checks: string[], taken: Set<string>): { box: FakeInputBox; answer: Promise<string | Navigation> } {
    const prompter = new VsCodePrompter();
    const answer = prompter.input({
      title: 'Create Gallery: Name (step 3 of 7)',
      step: 3,
      totalSteps: 7,
      canGoBack: true,
      prompt: 'Gallery name',
      value: '',
      validate: (v) => (v.includes('-') ? 'No dashes.' : undefined),
      validateAsync: async (v) => {
        checks.push(v);
        return taken.has(v) ? `A gallery named "${v}" already exists.` : undefined;
      },
    });
    const box = boxes.at(-1);
    assert.ok(box?.shown, 'the input box is shown');
    return { box, answer };
  }

  it('a burst of keystrokes makes one availability check, for the last value, once typing pauses', async () => {
    assert.equal(DEBOUNCE_MS, 300);
    const checks: string[] = [];
    const { box, answer } = open(checks, new Set(['contoso_images']));
    for (const value of ['c', 'co', 'con', 'cont', 'contoso', 'contoso_']) {
      box.type(value);
      mock.timers.tick(DEBOUNCE_MS / 3); // faster than the debounce: no check yet
    }
    box.type('contoso_images');
    assert.deepEqual(checks, [], 'nothing is checked while the keystrokes keep coming');
    mock.timers.tick(DEBOUNCE_MS - 1);
    assert.deepEqual(checks, [], 'nor one millisecond before the pause is long enough');
    mock.timers.tick(1);
    assert.deepEqual(checks, ['contoso_images'], 'one check, for what was typed last');
    await settle();
    assert.equal(box.validationMessage, 'A gallery named "contoso_images" already exists.');
    assert.equal(box.busy, false);

    // A second burst after the pause: one more check.
    box.type('contoso_x');
    box.type('contoso_xy');
    mock.timers.tick(DEBOUNCE_MS);
    assert.deepEqual(checks, ['contoso_images', 'contoso_xy']);
    await settle();
    assert.equal(box.validationMessage, undefined);

    box.hide();
    assert.equal(await answer, CANCEL);
    assert.ok(box.disposed);
  });

  it('a value the quick rule refuses is not sent to the slow check, and a pending check is dropped by the next keystroke', async () => {
    const checks: string[] = [];
    const { box, answer } = open(checks, new Set());
    box.type('team-images');
    mock.timers.tick(DEBOUNCE_MS * 2);
    assert.deepEqual(checks, [], 'the sync rule failed: no slow check');
    assert.equal(box.validationMessage, 'No dashes.');
    box.type('team_images');
    mock.timers.tick(DEBOUNCE_MS - 10);
    box.type('team_image');
    mock.timers.tick(DEBOUNCE_MS - 10);
    box.type('team_images2');
    mock.timers.tick(DEBOUNCE_MS);
    assert.deepEqual(checks, ['team_images2']);
    await settle();
    // Enter checks once more (awaited), then answers.
    box.accept();
    await settle();
    assert.equal(await answer, 'team_images2');
    assert.deepEqual(checks, ['team_images2', 'team_images2']);
  });
});
