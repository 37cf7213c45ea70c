import type { SourceDocument } from "./types";

/**
 * The public documents the presets cite, declared once. Issuer, kind, date
 * and address are as the record gives them (docs/sources.md lists them for
 * readers); a `copy` is press coverage or a syndicated copy of the issuer's
 * release, cited where no issuer's own address is at hand.
 */
function doc(d: SourceDocument): SourceDocument {
  return d;
}

// ---- Core Scientific – CoreWeave ------------------------------------------------------------

export const CORZ_JUNE_2024 = doc({
  issuer: "Core Scientific",
  kind: "announcement of 12-year hosting contracts with CoreWeave (about 200 MW, more than $3.5 B)",
  date: "3 June 2024",
  address: "https://blockworks.co/news/core-scientific-rejects-coreweave-buyout-bid-after-big-hpc-deal",
  copy: "Blockworks",
});

export const CORZ_70MW_2024 = doc({
  issuer: "Core Scientific",
  kind: "announcement of a further 70 MW for CoreWeave ($1.225 B; about $4.7 B in all)",
  date: "June 2024",
  address:
    "https://investing.com/news/company-news/core-scientific-secures-47-billion-in-hpc-hosting-deals-93CH-3509041",
  copy: "Investing.com",
});

export const CORZ_OPTION_8K = doc({
  issuer: "Core Scientific",
  kind: "8-K exhibit, CoreWeave's final HPC option (about 500 MW and $8.7 B in all)",
  date: "22 October 2024",
  address: "https://www.sec.gov/Archives/edgar/data/1839341/000162828024043341/corescientifichpcoption3re.htm",
});

export const CORZ_MUSKOGEE = doc({
  issuer: "Core Scientific and the Port of Muskogee",
  kind: "release on the Muskogee HPC data center (two 5-year renewal options per CoreWeave contract)",
  date: "2024 (day not in our record)",
  address:
    "https://www.einpresswire.com/article/763962088/core-scientific-and-port-muskogee-break-ground-on-100-mw-hpc-data-center",
});

export const CORZ_Q1_2025 = doc({
  issuer: "Core Scientific",
  kind: "fiscal first quarter 2025 results",
  date: "7 May 2025",
  address:
    "https://stockhouse.com/news/press-releases/2025/05/07/core-scientific-announces-fiscal-first-quarter-2025-results",
  copy: "Stockhouse",
});

export const CORZ_Q2_2025 = doc({
  issuer: "Core Scientific",
  kind: "fiscal second quarter 2025 results",
  date: "8 August 2025",
  address:
    "https://secure.businesswire.com/news/home/20250808196314/en/Core-Scientific-Announces-Fiscal-Second-Quarter-2025-Results",
});

export const CORZ_Q3_2025 = doc({
  issuer: "Core Scientific",
  kind: "8-K, fiscal third quarter 2025 results",
  date: "24 October 2025",
  address:
    "https://investors.corescientific.com/sec-filings/all-sec-filings/content/0001628280-25-046263/q32025corescientificinc-ea.htm",
});

export const CORZ_Q4_2025 = doc({
  issuer: "Core Scientific",
  kind: "fourth quarter and fiscal year 2025 results",
  date: "early 2026 (day not in our record)",
  address: "https://investingnews.com/core-scientific-announces-fourth-quarter-fiscal-year-2025-results/",
  copy: "Investing News Network",
});

// ---- Applied Digital – CoreWeave --------------------------------------------------------------

export const APLD_8K_2025 = doc({
  issuer: "Applied Digital",
  kind: "8-K exhibit 99.2, CoreWeave leases at Polaris Forge 1 (250 MW, about 15 years, about $7 B)",
  date: "2 June 2025",
  address: "https://www.sec.gov/Archives/edgar/data/1144879/000164117225013199/ex99-2.htm",
});

export const APLD_150MW_2025 = doc({
  issuer: "Applied Digital",
  kind: "release, additional 150 MW lease with CoreWeave (400 MW, about $11 B in all)",
  date: "29 August 2025",
  address:
    "https://www.finanznachrichten.de/nachrichten-2025-08/66307881-applied-digital-corporation-applied-digital-finalizes-additional-150mw-lease-with-coreweave-in-north-dakota-399.htm",
  copy: "finanznachrichten.de",
});

export const APLD_RFS_2025 = doc({
  issuer: "Applied Digital",
  kind: "release, ready for service: Phase 1 of Polaris Forge 1 Building 1",
  date: "27 October 2025",
  address:
    "https://www.globenewswire.com/news-release/2025/10/27/3174518/0/en/Applied-Digital-Achieves-Ready-for-Service-for-Phase-1-at-Polaris-Forge-1-Building-1-for-CoreWeave.html",
});

// ---- TeraWulf – Fluidstack ---------------------------------------------------------------------

export const WULF_AUGUST_2025 = doc({
  issuer: "TeraWulf",
  kind: "announcement of 10-year Fluidstack leases at Lake Mariner (200+ MW, $3.7 B)",
  date: "14 August 2025",
  address: "https://blockspace.media/insight/terawulf-signs-10-year-200-mw-hosting-deals-google-takes-8-stake",
  copy: "Blockspace",
});

export const WULF_CB5_2025 = doc({
  issuer: "TeraWulf",
  kind: "announcement of the CB-5 expansion with Fluidstack (160 MW more, about $6.7 B in all)",
  date: "18 August 2025",
  address: "https://theminermag.com/news/2025-08-18/terawulf-fluidstack-ai-expand",
  copy: "TheMinerMag",
});

// ---- Galaxy – CoreWeave ------------------------------------------------------------------------

export const GLXY_HELIOS_2025 = doc({
  issuer: "Galaxy Digital",
  kind: "release on the $1.4 B Helios project financing and the CoreWeave leases (526 MW, 15 years)",
  date: "2025 (day not in our record)",
  address:
    "https://www.stocktitan.net/news/GLXY/galaxy-closes-1-4-billion-project-financing-facility-to-accelerate-m1g6nrtnwvpm.html",
  copy: "StockTitan",
});

// ---- Cipher Mining ------------------------------------------------------------------------------

export const CIFR_BARBER_LAKE_2025 = doc({
  issuer: "Cipher Mining",
  kind: "announcement of the 10-year Fluidstack lease at Barber Lake (168 MW, about $3.0 B)",
  date: "25 September 2025",
  address: "https://blockworks.co/news/cipher-mining-inks-3b-ai-hosting-deal-with-fluidstack",
  copy: "Blockworks",
});

export const CIFR_AWS_2025 = doc({
  issuer: "Cipher Mining",
  kind: "release, 15-year lease with AWS (300 MW, $5.5 B)",
  date: "3 November 2025",
  address: "https://parameter.io/cipher-mining-cifr-stock-amazon-web-services-partnership-delivers-5-5-billion-ai-deal",
  copy: "Parameter",
});

export const CIFR_FLUIDSTACK_39MW_2025 = doc({
  issuer: "Cipher Mining",
  kind: "release, additional 10-year Fluidstack hosting agreement (39 MW, about $830 M)",
  date: "20 November 2025",
  address:
    "https://www.stocktitan.net/news/CIFRW/cipher-mining-signs-additional-56-mw-10-year-ai-hosting-agreement-kw6njbs5fv52.html",
  copy: "StockTitan",
});

// ---- Hut 8 – Fluidstack ------------------------------------------------------------------------

export const HUT_8K_2025 = doc({
  issuer: "Hut 8",
  kind: "8-K exhibit 99.1, River Bend lease with Fluidstack",
  date: "17 December 2025",
  address: "https://www.sec.gov/Archives/edgar/data/1964789/000110465925122052/hut-20251217xex99d1.htm",
});

/** Every document above, for docs/sources.md and its test. */
export const DOCUMENTS: readonly SourceDocument[] = [
  CORZ_JUNE_2024,
  CORZ_70MW_2024,
  CORZ_OPTION_8K,
  CORZ_MUSKOGEE,
  CORZ_Q1_2025,
  CORZ_Q2_2025,
  CORZ_Q3_2025,
  CORZ_Q4_2025,
  APLD_8K_2025,
  APLD_150MW_2025,
  APLD_RFS_2025,
  WULF_AUGUST_2025,
  WULF_CB5_2025,
  GLXY_HELIOS_2025,
  CIFR_BARBER_LAKE_2025,
  CIFR_AWS_2025,
  CIFR_FLUIDSTACK_39MW_2025,
  HUT_8K_2025,
];

/** "Issuer, kind, date" and, for a copy, "(copy: publisher)": how a document is named in text. */
export function documentLabel(d: SourceDocument): string {
  const label = `${d.issuer}, ${d.kind}, ${d.date}`;
  return d.copy === undefined ? label : `${label} (copy: ${d.copy})`;
}

/** The label and the address: how a document is cited on the sheet and in the pane. */
export function documentCitation(d: SourceDocument): string {
  return `${documentLabel(d)}, ${d.address}`;
}
