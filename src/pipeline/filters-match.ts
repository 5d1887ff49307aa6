// After the analysis: a filter (--package, --function, --cause) that matches nothing in the analysed packages is a
// usage error naming the flag, not an empty report that looks like good news.

import { UsageError } from '../errors/errors.js';
import { unmatchedFilters, type SiteFilters } from '../model/filters.js';
import type { AnalysisModel } from '../model/types.js';
import { t } from '../i18n/t.js';

export function checkFiltersMatch(model: AnalysisModel, filters: SiteFilters, cwd: string): void {
  const [first] = unmatchedFilters(model, filters, cwd);
  if (!first) return;
  throw new UsageError(
    first.message,
    first.flag === '--package' ? t('cli.err.hint.analysedPackages', { names: packageList(model) }) : t('cli.err.hint.functionNames'),
  );
}

function packageList(model: AnalysisModel): string {
  const names = model.packages.map((p) => p.importPath);
  return names.length > 5
    ? t('cli.packagesAndMore', { names: names.slice(0, 5).join(', '), n: names.length - 5 })
    : names.join(', ') || t('cli.none');
}
