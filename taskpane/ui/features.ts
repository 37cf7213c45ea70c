/**
 * Groups of the Deal section that exist in the page but have no content yet. Hidden until their
 * work lands: the engineer who fills a group flips its flag (and its test in test/taskpane/shell.test.ts).
 */
export const DEAL_GROUPS = Object.freeze({
  /** Capital expenditure of the site (returns work). */
  capex: true,
  /** Renewal options at the end of the term (returns work). */
  renewals: true,
});
