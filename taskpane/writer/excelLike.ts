/**
 * The slice of the Excel JavaScript API the writer uses, as structural
 * types: `Excel.RequestContext` satisfies them (checked in officeBackend.ts),
 * and so does a test's recorder. Nothing here needs a requirement set above
 * ExcelApi 1.12 (the manifest's): names 1.4, custom XML parts 1.5, freeze
 * panes 1.7, chart series and data validation 1.8, cell properties 1.9,
 * worksheet custom properties 1.12.
 */

export interface FillLike {
  color: string;
  clear(): void;
}

export interface FontLike {
  color: string;
  bold: boolean;
  italic: boolean;
  size: number;
}

export interface RangeFormatLike {
  readonly fill: FillLike;
  readonly font: FontLike;
  wrapText: boolean;
  columnWidth: number;
  rowHeight: number;
}

export interface DataValidationLike {
  rule: { list?: { inCellDropDown: boolean; source: string | unknown } } | unknown;
  prompt: { showPrompt: boolean; title: string; message: string } | unknown;
  /** "None" without a rule (ExcelApi 1.8); loaded with load("dataValidation/type"). */
  readonly type: string;
  /** Removes the rule and the prompt (ExcelApi 1.8). */
  clear(): void;
}

/**
 * A cell's fill, font and wrapping as getCellProperties reports them and
 * setCellProperties takes them (ExcelApi 1.9); no fill reads as pattern "None".
 */
export interface CellPropertiesLike {
  format?: {
    fill?: { color?: string; pattern?: string };
    font?: { color?: string; bold?: boolean; italic?: boolean; size?: number; name?: string };
    wrapText?: boolean;
  };
}

/** A colour scale's three points (ExcelApi 1.6): `criteria` takes Excel.ConditionalColorScaleCriteria. */
export interface ConditionalFormatLike {
  readonly colorScale: { criteria: unknown };
}

export interface ConditionalFormatCollectionLike {
  add(type: "ColorScale"): ConditionalFormatLike;
}

export interface RangeLike {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly format: RangeFormatLike;
  readonly dataValidation: DataValidationLike;
  readonly conditionalFormats: ConditionalFormatCollectionLike;
  merge(across?: boolean): void;
  /** "Contents" leaves the formats, "Formats" the contents, "All" clears both (ExcelApi 1.1). */
  clear(applyTo?: "All" | "Formats" | "Contents"): void;
  load(propertyNames: string): unknown;
  /** Each cell's properties asked for (ExcelApi 1.9), read after a sync. */
  getCellProperties(options: {
    format?: {
      fill?: { color?: boolean; pattern?: boolean };
      font?: { color?: boolean; bold?: boolean; italic?: boolean; size?: boolean };
      wrapText?: boolean;
    };
  }): ClientResultLike<CellPropertiesLike[][]>;
  /** Sets each cell's properties given; those left out are unchanged (ExcelApi 1.9). */
  setCellProperties(properties: CellPropertiesLike[][]): void;
}

export interface ChartSeriesLike {
  name: string;
  /** Bars of the series overlap those of the others by this percentage (ExcelApi 1.8): 100 for a tornado. */
  overlap: number;
  setValues(source: RangeLike): void;
  setXAxisValues(source: RangeLike): void;
  /** The series' points (ExcelApi 1.1; their marker properties ExcelApi 1.7). */
  readonly points: {
    getItemAt(index: number): {
      markerStyle: string;
      markerSize: number;
      markerBackgroundColor: string;
      markerForegroundColor: string;
    };
  };
}

export interface ChartLike {
  name: string;
  /** Unique on its sheet (ExcelApi 1.7): how a chart not yet named is found again. */
  readonly id: string;
  readonly title: { text: string };
  readonly legend: { position: string | unknown };
  readonly axes: {
    readonly categoryAxis: { numberFormat: string };
    readonly valueAxis: { numberFormat: string };
  };
  readonly series: {
    /** Loaded with load("count"). */
    readonly count: number;
    load(propertyNames: string): unknown;
    getItemAt(index: number): ChartSeriesLike;
    add(name?: string, index?: number): ChartSeriesLike;
  };
  setPosition(startCell: string, endCell?: string): void;
  delete(): void;
  load(propertyNames: string): unknown;
}

export interface ChartCollectionLike {
  /** Loaded with load("items/id"). */
  readonly items: ChartLike[];
  load(propertyNames: string): unknown;
  add(type: "Line" | "ColumnStacked" | "BarClustered", sourceData: RangeLike, seriesBy: "Columns"): ChartLike;
  getItemOrNullObject(name: string): ChartLike & { isNullObject: boolean };
}

/** A worksheet custom property (ExcelApi 1.12): saved in the sheet itself, copied with it. */
export interface WorksheetCustomPropertyLike {
  readonly key: string;
  readonly value: string;
  readonly isNullObject: boolean;
  delete(): void;
  load(propertyNames: string): unknown;
}

export interface WorksheetLike {
  readonly id: string;
  readonly name: string;
  readonly customProperties: {
    add(key: string, value: string): unknown;
    getItemOrNullObject(key: string): WorksheetCustomPropertyLike;
  };
  readonly charts: ChartCollectionLike;
  readonly freezePanes: { freezeRows(count?: number): void; freezeAt(frozenRange: RangeLike | string): void };
  getRange(address?: string): RangeLike;
  delete(): void;
  load(propertyNames: string): unknown;
}

export interface NullableWorksheetLike extends WorksheetLike {
  readonly isNullObject: boolean;
}

export interface WorksheetCollectionLike {
  readonly items: WorksheetLike[];
  add(name?: string): WorksheetLike;
  getItemOrNullObject(key: string): NullableWorksheetLike;
  load(propertyNames: string): unknown;
}

export interface NamedItemLike {
  readonly name: string;
  delete(): void;
  load(propertyNames: string): unknown;
}

export interface NamedItemCollectionLike {
  readonly items: NamedItemLike[];
  add(name: string, reference: string, comment?: string): unknown;
  getItemOrNullObject(name: string): NamedItemLike & { readonly isNullObject: boolean };
  load(propertyNames: string): unknown;
}

export interface ClientResultLike<T> {
  readonly value: T;
}

export interface CustomXmlPartLike {
  readonly id: string;
  getXml(): ClientResultLike<string>;
  setXml(xml: string): void;
  delete(): void;
}

export interface CustomXmlPartScopedCollectionLike {
  readonly items: CustomXmlPartLike[];
  load(propertyNames: string): unknown;
}

export interface CustomXmlPartCollectionLike {
  add(xml: string): CustomXmlPartLike;
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollectionLike;
}

export interface WorkbookLike {
  readonly worksheets: WorksheetCollectionLike;
  readonly names: NamedItemCollectionLike;
  readonly customXmlParts: CustomXmlPartCollectionLike;
  readonly application: { calculate(calculationType: "Full" | "Recalculate" | "FullRebuild"): void };
}

/** What Excel.run hands its callback: a workbook and a sync that sends the queued batch. */
export interface ExcelContextLike {
  readonly workbook: WorkbookLike;
  sync(): Promise<unknown>;
}
