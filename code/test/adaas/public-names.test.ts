/**
 * Our adaas/ index exports the official SDK's public names and nothing else: the names come from the
 * `dist/index.d.ts` of the vendored @devrev/ts-adaas tarball, read with the TypeScript compiler.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { ADAAS_SDK_TGZ } from '../shared-paths';

/** SDK names our layer does not provide, each with why; everything else must match exactly. */
const NOT_PROVIDED: Record<string, string> = {
  Adapter: 'deprecated pre-1.0 API', createAdapter: 'deprecated pre-1.0 API', DemoExtractor: 'deprecated demo',
  HTTPClient: 'deprecated pre-1.0 API', HTTPResponse: 'deprecated pre-1.0 API', defaultResponse: 'deprecated pre-1.0 API',
  Uploader: 'deprecated pre-1.0 API', MockServer: 'the SDK test double (test:sdk drives it from the package)',
  RequestInfo: 'MockServer type', RetryConfig: 'MockServer type', RouteConfig: 'MockServer type',
  ExtractionCommonError: 'const enum of error strings the snap-in never emits',
  GetWorkerPathInterface: 'deprecated helper type', SpawnInterface: 'internal spawn options type',
  WorkerAdapterInterface: 'the SDK adapter constructor type (ours is built by processTask only)',
  WorkerMessageEmitted: 'worker message type', WorkerMessageExit: 'worker message type',
  WorkerMessageFailed: 'worker message type', WorkerMessageLog: 'worker message type',
  // Metadata-schema helper types the snap-in's metadata does not use.
  ConditionalPrivilegeData: 'metadata type', EnumValueKey: 'metadata type', FieldCondition: 'metadata type',
  FieldConditionComparator: 'metadata type', FieldConditionEffect: 'metadata type', FieldConditions: 'metadata type',
  FieldKey: 'metadata type', FieldPrivilegeData: 'metadata type', FieldReferenceData: 'metadata type',
  PermissionData: 'metadata type', RecordTypeCategoryKey: 'metadata type', RecordTypeKey: 'metadata type',
  RecordTypePrivilegeData: 'metadata type', RecordTypeScope: 'metadata type', ReferenceType: 'metadata type',
  SchemaVersion: 'metadata type', StageKey: 'metadata type', StateKey: 'metadata type', StructTypeKey: 'metadata type',
  TargetTypeKeyData: 'metadata type', TypedReferenceData: 'metadata type',
};

function exportedNames(entry: string): string[] {
  const program = ts.createProgram([entry], { skipLibCheck: true, noEmit: true, esModuleInterop: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!);
  if (!moduleSymbol) throw new Error(`${entry} is not a module`);
  return checker.getExportsOfModule(moduleSymbol).map((s) => s.name).sort();
}

describe('adaas public names', () => {
  let sdkNames: string[];
  let ourNames: string[];
  let dir: string;

  beforeAll(() => {
    if (!fs.existsSync(ADAAS_SDK_TGZ)) throw new Error(`The official SDK tarball is missing: put it at ${ADAAS_SDK_TGZ} or set ADAAS_SDK_TGZ.`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adaas-sdk-'));
    execFileSync('tar', ['-xzf', ADAAS_SDK_TGZ, '-C', dir, 'package/dist']);
    sdkNames = exportedNames(path.join(dir, 'package/dist/index.d.ts'));
    ourNames = exportedNames(path.join(__dirname, '../../src/adaas/index.ts'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports no name the SDK does not export', () => {
    expect(ourNames.filter((n) => !sdkNames.includes(n))).toEqual([]);
  });

  it('exports every SDK name except the listed ones', () => {
    expect(sdkNames.filter((n) => !ourNames.includes(n))).toEqual(Object.keys(NOT_PROVIDED).sort());
  });

  it('the exception list names only what the SDK exports', () => {
    expect(Object.keys(NOT_PROVIDED).filter((n) => !sdkNames.includes(n))).toEqual([]);
  });
});
