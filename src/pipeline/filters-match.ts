// After the analysis: a filter (--package, --function, --cause) that matches nothing in the analysed packages is a
// usage error naming the flag, not an empty report that looks like good news.

import { UsageError } from '../errors/errors.js';
import { unmatchedFilters, type SiteFilters } from '../model/filters.js';
import type { AnalysisModel } from '../model/types.js';

export function checkFiltersMatch(model: AnalysisModel, filters: SiteFilters, cwd: string): void {
  const [first] = unmatchedFilters(model, filters, cwd);
  if (!first) return;
  throw new UsageError(
    first.message,
    first.flag === '--package'
      ? `the analysed packages: ${packageList(model)}`
      : 'it is matched against function names as the reports print them, such as NewPoint or (*Buffer).Write',
  );
}

function packageList(model: AnalysisModel): string {
  const names = model.packages.map((p) => p.importPath);
  return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ') || 'none';
}
