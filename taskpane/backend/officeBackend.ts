/** The Office.js backend: Excel.run over the writer's Excel-like context. */
import type { ExcelContextLike } from "../writer/excelLike";
import { excelBackend } from "./excelBackend";
import type { WorkbookBackend } from "./types";

export function officeBackend(): WorkbookBackend {
  return excelBackend((batch) =>
    Excel.run((context) => {
      // Compile-time proof that the real context has every member the writer uses.
      const ctx: ExcelContextLike = context;
      return batch(ctx);
    }),
  );
}
