import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_PASSWORDS } from '@duban/service-gateway';
import type { RunningSystem } from '@duban/system';
import { login } from '../../services/gateway/src/testing/harness';
import { startOwnStack, type OwnStack } from '../support/own-stack';
import { startWithoutGazette } from '../support/whole-system';

// Issue 12, item 8: schemathesis (infra/install-fuzzer.sh) generates requests from the running
// system's own OpenAPI document, with each role's token, and fails on any 5xx, any status the
// document does not give for the operation, any body that does not match its documented schema
// or content type, and any undocumented method on a known path not answered 405 with Allow.
// It runs on a stack of its own, last in the `whole` project (vitest.config.ts): its random
// cases, users and passwords meet no other file's data, and no other file's workflows (the land
// ledger has one fixed id per Temporal namespace) meet its random actions.

const root = path.resolve(import.meta.dirname, '../..');
const engines = process.env.DUBAN_ENGINES_DIR ?? path.join(root, '.engines');
const schemathesis = path.join(engines, 'fuzz-venv', 'bin', 'schemathesis');
const workDir = path.join(root, '.data', `fuzz-${process.env.DUBAN_TEST_STACK ?? '0'}`);

/** Each role's run is bounded in time (the test command's budget) and in cases per operation. */
const MAX_SECONDS = 20;
const MAX_EXAMPLES = 5;
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'response_schema_conformance',
  'content_type_conformance',
];
// Only in the first run, which reads the whole document: a role's own document leaves out the
// operations the role may not call, so there `Allow` (every method of the path) would name
// methods it lacks, and a method left out is not undeclared.
const METHOD_CHECKS = ['unsupported_method', 'allow_header_conformance'];
/** Left out, with why. */
const EXCLUDED_PATHS = {
  // An event stream answers 200 and never ends: every case would wait out the request timeout.
  '/api/alerts/stream': 'Server-Sent Events: the response never ends',
};

const BUREAU_UNIT = 'natres'; // 自然资源局: kindergarten permits and land, the widest bureau duties
const ROLES = {
  admin: ['admin', DEV_PASSWORDS.admin],
  inspector: ['inspector', DEV_PASSWORDS.inspector],
  leader: ['leader', DEV_PASSWORDS.leader],
  bureau: [`bureau-${BUREAU_UNIT}`, DEV_PASSWORDS.bureau],
} as const;

interface Run {
  role: string;
  code: number;
  output: string;
}

type Document = {
  paths: Record<string, Record<string, { security?: unknown[]; 'x-duban-roles'?: string[] }>>;
};

/**
 * The part of the document one role's run fuzzes: the first run (the administrator's) takes the
 * whole document, public operations and refusals included; the others take only the operations
 * their role may call (a refusal by role is the same 403 everywhere, checked by the authorization
 * matrix), the public ones being fuzzed once already.
 */
function documentFor(doc: Document, role: string, first: boolean): Document {
  if (first) return doc;
  const paths: Document['paths'] = {};
  for (const [path, operations] of Object.entries(doc.paths)) {
    const kept = Object.entries(operations).filter(([, op]) => {
      if (op.security?.length === 0) return false;
      return op['x-duban-roles'] === undefined || op['x-duban-roles'].includes(role);
    });
    if (kept.length > 0) paths[path] = Object.fromEntries(kept);
  }
  return { ...doc, paths };
}

function fuzz(url: string, role: string, token: string, document: Document, whole: boolean): Promise<Run> {
  const file = path.join(workDir, `${role}.openapi.json`);
  fs.writeFileSync(file, JSON.stringify(document));
  const args = [
    'run',
    file,
    '--url',
    url,
    '--header',
    `Authorization: Bearer ${token}`,
    '--checks',
    (whole ? [...CHECKS, ...METHOD_CHECKS] : CHECKS).join(','),
    '--phases',
    'coverage,fuzzing',
    '--max-examples',
    String(MAX_EXAMPLES),
    '--max-time',
    String(MAX_SECONDS),
    // Above the gateway's own 30 s action deadline: a slow engine is answered 504 (documented)
    // by the gateway; only a request the gateway never answers fails as a network error.
    '--request-timeout',
    '35',
    '--no-shrink',
    '--suppress-health-check',
    'all',
    '--warnings',
    'off',
    ...Object.keys(EXCLUDED_PATHS).flatMap((p) => ['--exclude-path', p]),
  ];
  return new Promise((resolve) => {
    // Hypothesis keeps its example database in the working directory: under .data, not the repo.
    execFile(
      schemathesis,
      args,
      { cwd: workDir, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        fs.writeFileSync(path.join(workDir, `${role}.log`), output);
        resolve({ role, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output });
      },
    );
  });
}

/** The failures section and the summary: what a reader of a red run needs, without the rest. */
function failuresOf(output: string): string {
  const start = output.indexOf('FAILURES');
  const text = start >= 0 ? output.slice(start) : output.slice(-4000);
  return text.length > 8000 ? `${text.slice(0, 8000)}\n…` : text;
}

describe('schemathesis against the running system, with every role', () => {
  let system: RunningSystem;
  let ownStack: OwnStack | undefined;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    if (!fs.existsSync(schemathesis)) {
      throw new Error(`${schemathesis} is missing: run bash infra/install-fuzzer.sh (the test command does)`);
    }
    fs.mkdirSync(workDir, { recursive: true });
    // Four fuzzers at once from one address: the per-address limit would answer them 429.
    // Every refused case is a warning in the request log: only errors are worth printing here.
    ownStack = await startOwnStack('fuzz', 65);
    const config = { ...ownStack.config, logLevel: 'error' as const };
    system = await startWithoutGazette(config, [BUREAU_UNIT], {
      rateLimit: { limit: 1_000_000 },
    });
    for (const [role, [username, password]] of Object.entries(ROLES)) {
      tokens[role] = await login({ url: system.gateway.url }, username, password);
    }
  });

  afterAll(async () => {
    await system?.close();
    await ownStack?.stop();
  });

  it(
    'answers every generated request with a documented status, content type and schema, and no 5xx',
    async () => {
      const started = Date.now();
      const doc = (await (await fetch(`${system.gateway.url}/api/openapi.json`)).json()) as Document;
      const runs = await Promise.all(
        Object.keys(ROLES).map((role, i) =>
          fuzz(system.gateway.url, role, tokens[role]!, documentFor(doc, role, i === 0), i === 0),
        ),
      );
      for (const run of runs) {
        expect(run.code, `schemathesis as ${run.role} (.data logs):\n${failuresOf(run.output)}`).toBe(0);
        expect(run.output).toMatch(/No issues found/);
      }
      console.log(
        `schemathesis: ${Object.keys(ROLES).length} roles in ${Math.round((Date.now() - started) / 1000)} s`,
      );
    },
    (MAX_SECONDS + 60) * 1000,
  );
});
