import type { LoaderReport } from '../types/loading';
import { ActionType } from '../types/loading';

/** Adds one outcome to the report of its item type (creating the report when missing). */
export function addToReports(reports: LoaderReport[], itemType: string, action: ActionType): void {
  let report = reports.find((r) => r.item_type === itemType);
  if (!report) {
    report = { item_type: itemType };
    reports.push(report);
  }
  report[action] = (report[action] ?? 0) + 1;
}
