/** Pure pieces of the CLI: connection resolution, error classification, redaction, the stop switch. */
import { CliError, ExitCode, toCliError } from '../../src/cli/cli-error';
import { resolveConnection } from '../../src/cli/connection';
import { Interrupt, StopRequested } from '../../src/cli/interrupt';
import { runFailure } from '../../src/cli/run-command';
import { redact, registerSecret } from '../../src/cli/secrets';

describe('resolveConnection', () => {
  const saved = { intercomBaseUrl: 'http://127.0.0.1:9999', customBaseUrl: true };

  it('a region picks its regional host', async () => {
    await expect(resolveConnection({ region: 'eu', token: 'tok-aaaaaaaa' })).resolves.toMatchObject({ baseUrl: 'https://api.eu.intercom.io', region: 'eu', customBaseUrl: false });
  });

  it('a URL wins over the region, which is then only an expectation', async () => {
    await expect(resolveConnection({ region: 'au', intercomUrl: 'http://127.0.0.1:8765/', token: 'tok-aaaaaaaa' })).resolves.toMatchObject({
      baseUrl: 'http://127.0.0.1:8765',
      region: 'au',
      customBaseUrl: true,
    });
  });

  it('without flags the saved host is used, else the US host', async () => {
    expect((await resolveConnection({ token: 'tok-aaaaaaaa' }, saved)).baseUrl).toBe('http://127.0.0.1:9999');
    expect((await resolveConnection({ token: 'tok-aaaaaaaa' })).baseUrl).toBe('https://api.intercom.io');
  });

  it('bad input is a usage error naming it', async () => {
    await expect(resolveConnection({ region: 'mars', token: 'tok-aaaaaaaa' })).rejects.toThrow('Unknown region "mars": use --region us, eu or au.');
    await expect(resolveConnection({ intercomUrl: 'ftp://x', token: 'tok-aaaaaaaa' })).rejects.toThrow(/must be an http\(s\) URL/);
    await expect(resolveConnection({ intercomUrl: 'not a url', token: 'tok-aaaaaaaa' })).rejects.toThrow(/is not a URL/);
  });

  it('the token comes from INTERCOM_TOKEN when no flag gives it, and is registered as a secret', async () => {
    const before = process.env.INTERCOM_TOKEN;
    process.env.INTERCOM_TOKEN = 'env-token-0123456789';
    try {
      expect((await resolveConnection({ region: 'us' })).token).toBe('env-token-0123456789');
      expect(redact('Bearer env-token-0123456789 failed')).toBe('Bearer [REDACTED] failed');
    } finally {
      if (before === undefined) delete process.env.INTERCOM_TOKEN;
      else process.env.INTERCOM_TOKEN = before;
    }
  });
});

describe('error classification', () => {
  it('a failed run becomes one line with the right exit code', () => {
    expect(runFailure('import', 'Intercom answered 401 unauthorized: fix the connection', '/d').exitCode).toBe(ExitCode.auth);
    expect(runFailure('sync', 'connect ECONNREFUSED 127.0.0.1:1', '/d').exitCode).toBe(ExitCode.unreachable);
    expect(runFailure('sync', 'write failed: ENOSPC', '/d').exitCode).toBe(ExitCode.diskFull);
    const other = runFailure('import', 'metadata invalid:\n  field x\n  field y', '/d');
    expect(other.exitCode).toBe(ExitCode.failure);
    expect(other.message).not.toContain('\n');
  });

  it('ENOSPC anywhere in the cause chain is a full disk', () => {
    const err = new Error('upload failed', { cause: Object.assign(new Error('write'), { code: 'ENOSPC' }) });
    expect(toCliError(err, { outDir: '/out' })).toMatchObject({ exitCode: ExitCode.diskFull });
    expect(toCliError(err, { outDir: '/out' }).message).toMatch(/^No space left on the device while writing \/out/);
    expect(toCliError(new CliError('x', ExitCode.usage)).exitCode).toBe(ExitCode.usage);
  });

  it('short values are never treated as secrets', () => {
    registerSecret('abc');
    expect(redact('abc')).toBe('abc');
  });

  it('a secret of 4 to 7 characters is redacted as the platform layer redacts it', () => {
    registerSecret('k7x9q');
    expect(redact('Bearer k7x9q was refused')).toBe('Bearer [REDACTED] was refused');
  });
});

describe('Interrupt', () => {
  it('lets the invocation in flight finish and starts no other', async () => {
    const interrupt = new Interrupt('npm run airdrop -- import --out x');
    let finished = 0;
    let release: () => void = () => {};
    const invoke = interrupt.wrap(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            finished++;
            resolve();
          };
        }),
    );
    const first = invoke();
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    interrupt.request();
    let stopped: unknown;
    interrupt.stopped.catch((err: unknown) => {
      stopped = err;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(stopped).toBeUndefined(); // the invocation is still running
    release();
    await first;
    expect(finished).toBe(1);
    let secondStarted = false;
    void interrupt.wrap(async () => {
      secondStarted = true;
    })();
    await new Promise((r) => setTimeout(r, 10));
    expect(secondStarted).toBe(false);
    expect(stopped).toBeInstanceOf(StopRequested);
    expect((stopped as StopRequested).exitCode).toBe(ExitCode.interrupted);
    expect((stopped as StopRequested).message).toContain('Run "npm run airdrop -- import --out x" again to resume');
    jest.restoreAllMocks();
  });
});
