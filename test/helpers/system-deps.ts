import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Checks for the Debian packages the notebook and explorer tests run on. A missing one FAILS the
 * test with the fix, rather than skipping it: a skipped check reads as a passing one.
 */

const FIX = 'run `bash scripts/install-system-deps.sh` (as root) to install the Debian packages these tests use';

export class MissingSystemDeps extends Error {
  constructor(what: string[]) {
    super(`missing: ${what.join('; ')} — ${FIX}`);
  }
}

/** Debian's Python with Jupyter, pandas, matplotlib and a `python3` kernel on that same Python. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

export function checkNotebookDeps(): void {
  const missing: string[] = [];
  if (!fs.existsSync(SYSTEM_PYTHON)) {
    missing.push(SYSTEM_PYTHON);
  } else {
    // The kernel nbconvert will start must be a Python that has the notebook's imports (a pyenv
    // kernelspec in ~/.local would shadow Debian's one and fail on `import pandas` much later).
    const probe = spawnSync(
      SYSTEM_PYTHON,
      [
        '-c',
        [
          'import json, subprocess, sys',
          'import nbconvert, ipykernel',
          'from jupyter_client.kernelspec import KernelSpecManager',
          "argv = KernelSpecManager().get_kernel_spec('python3').argv",
          "r = subprocess.run([argv[0], '-c', 'import pandas, matplotlib, requests'], capture_output=True, text=True)",
          "print(json.dumps({'kernel': argv[0], 'ok': r.returncode == 0, 'err': r.stderr[-300:]}))",
        ].join('\n'),
      ],
      { encoding: 'utf8', env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' } },
    );
    if (probe.status !== 0) missing.push(`Jupyter for ${SYSTEM_PYTHON} (jupyter-nbconvert, python3-ipykernel): ${probe.stderr.trim().split('\n').pop()}`);
    else {
      const r = JSON.parse(probe.stdout.trim().split('\n').pop()!);
      if (!r.ok) missing.push(`pandas/matplotlib/requests in the python3 kernel (${r.kernel}): ${r.err.trim().split('\n').pop()}`);
    }
  }
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (fonts.status !== 0 || !/Noto Sans CJK/.test(fonts.stdout)) missing.push('Noto Sans CJK fonts (fonts-noto-cjk)');
  if (missing.length) throw new MissingSystemDeps(missing);
}

/** Debian's Chromium, driven by playwright-core in the explorer test. */
export const CHROMIUM = '/usr/bin/chromium';

export function checkBrowserDeps(): void {
  if (!fs.existsSync(CHROMIUM)) throw new MissingSystemDeps([`${CHROMIUM} (chromium)`]);
}
