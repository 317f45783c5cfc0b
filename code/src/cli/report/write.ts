import * as path from 'node:path';
import { writeFileAtomic } from '../fs-safe';
import { buildReport } from './build';
import { renderReportHtml } from './html';
import { Report } from './model';

/** Builds the report of `outDir` and writes `report.json` and `report.html` (atomically) into it. */
export async function writeReport(outDir: string): Promise<{ report: Report; jsonPath: string; htmlPath: string }> {
  const report = await buildReport(outDir);
  const jsonPath = path.join(outDir, 'report.json');
  const htmlPath = path.join(outDir, 'report.html');
  writeFileAtomic(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  writeFileAtomic(htmlPath, renderReportHtml(report));
  return { report, jsonPath, htmlPath };
}
