// Reads the profile given with `analyze --profile FILE` and maps its file names to the module's: absolute paths
// under the module root, or `import/path/file.go` as -trimpath builds name them. A file that cannot be read or
// is not a pprof profile is a usage error naming the flag.

import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { UsageError } from '../errors/errors.js';
import { parseAnyProfile } from '../parsers/pprof.js';
import { profileCosts, type ProfileCosts } from '../model/profile-costs.js';
import type { AnalysisModel } from '../model/types.js';
import { t } from '../i18n/t.js';

export async function readProfileCosts(file: string, cwd: string, model: AnalysisModel): Promise<ProfileCosts> {
  let data: Buffer;
  try {
    data = await readFile(isAbsolute(file) ? file : `${cwd}/${file}`);
  } catch (e) {
    throw new UsageError(
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? t('cli.err.noSuchFile', { flag: '--profile', value: file })
        : t('cli.err.flagWhy', { flag: '--profile', value: file, why: (e as Error).message }),
    );
  }
  const parsed = parseAnyProfile(data);
  if (!parsed.ok)
    throw new UsageError(t('cli.err.flagWhy', { flag: '--profile', value: file, why: parsed.error }), t('cli.err.hint.profile'));
  const dirOf = new Map(model.packages.map((p) => [p.importPath, p.dir]));
  const modelPath = (f: string): string | null => {
    if (isAbsolute(f)) {
      const rel = relative(model.root, f);
      return rel.startsWith('..') || isAbsolute(rel) ? null : rel.split(sep).join('/');
    }
    const slash = f.lastIndexOf('/');
    const dir = slash > 0 ? dirOf.get(f.slice(0, slash)) : undefined;
    if (!dir) return null;
    const rel = relative(model.root, `${dir}/${f.slice(slash + 1)}`);
    return rel.startsWith('..') ? null : rel.split(sep).join('/');
  };
  const costs = profileCosts(parsed.profile, file, modelPath);
  if ('error' in costs) throw new UsageError(t('cli.err.flagWhy', { flag: '--profile', value: file, why: costs.error }));
  return costs;
}
