// Proves the lint rules really constrain the workspace: each probe file breaks one dependency rule
// of docs/architecture.md (or bans a silent failure) and must be reported; the control probe must
// pass. An allow-all rule would let the probes through and fail this check.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { ESLint } from 'eslint';

import { root } from './lib/run.mjs';

const probes = [
  {
    file: 'libs/contracts/src/boundary-probe.ts',
    code: "import { x } from '@autobuy/provider-adapters';\nexport const y = x;\n",
    expect: '@nx/enforce-module-boundaries',
  },
  {
    file: 'libs/provider-adapters/src/boundary-probe.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const y = Injectable;\n",
    expect: '@nx/enforce-module-boundaries',
  },
  {
    file: 'apps/admin/src/boundary-probe.ts',
    code: "import { x } from '@autobuy/provider-adapters';\nexport const y = x;\n",
    expect: '@nx/enforce-module-boundaries',
  },
  {
    file: 'apps/provider-sandbox/src/boundary-probe.ts',
    code: "import { OPERATOR_ROLES } from '@autobuy/contracts';\nexport const y = OPERATOR_ROLES;\n",
    expect: '@nx/enforce-module-boundaries',
  },
  {
    file: 'apps/api/src/boundary-probe.spec.ts',
    code: "describe.only('focused', () => {\n  it('runs alone', () => undefined);\n});\n",
    expect: 'no-restricted-syntax',
  },
  {
    file: 'apps/api/src/boundary-probe.ts',
    code: 'export async function f(): Promise<void> {\n  Promise.resolve(1);\n}\n',
    expect: '@typescript-eslint/no-floating-promises',
  },
  {
    file: 'apps/admin/src/features/boundary-probe-a/index.ts',
    code: "import { b } from '../boundary-probe-b';\nexport const a = b;\n",
    expect: 'import-x/no-restricted-paths',
  },
  {
    file: 'apps/admin/src/features/boundary-probe-b/index.ts',
    code: 'export const b = 1;\n',
    expect: null,
  },
  {
    file: 'apps/api/src/boundary-probe-cycle-a.ts',
    code: "import { b } from './boundary-probe-cycle-b';\nexport const a = (): number => b();\n",
    expect: 'import-x/no-cycle',
  },
  {
    file: 'apps/api/src/boundary-probe-cycle-b.ts',
    code: "import { a } from './boundary-probe-cycle-a';\nexport const b = (): number => a();\n",
    expect: 'import-x/no-cycle',
  },
  {
    file: 'apps/api/src/boundary-probe-control.ts',
    code: "import { OPERATOR_ROLES } from '@autobuy/contracts';\nexport const y = OPERATOR_ROLES;\n",
    expect: null,
  },
];

const eslint = new ESLint({ cwd: root });
let failures = 0;
try {
  for (const probe of probes) {
    mkdirSync(dirname(join(root, probe.file)), { recursive: true });
    writeFileSync(join(root, probe.file), probe.code);
  }
  const results = await eslint.lintFiles(probes.map((probe) => probe.file));
  for (const probe of probes) {
    const result = results.find((entry) => entry.filePath === join(root, probe.file));
    const rules = (result?.messages ?? []).map((message) => message.ruleId);
    const ok = probe.expect === null ? rules.length === 0 : rules.includes(probe.expect);
    if (!ok) failures += 1;
    const wanted = probe.expect ?? 'no error';
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${probe.file}: expected ${wanted}, got [${rules}]`);
  }
} finally {
  for (const probe of probes) rmSync(join(root, probe.file), { force: true });
  for (const folder of ['boundary-probe-a', 'boundary-probe-b']) {
    rmSync(join(root, 'apps/admin/src/features', folder), { recursive: true, force: true });
  }
}

if (failures > 0) {
  console.error(`${failures} lint probe(s) were not caught as expected.`);
  process.exit(1);
}
console.log('Lint rules constrain the workspace as documented.');
