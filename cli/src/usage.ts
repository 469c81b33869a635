/** The usage text of `segments`, printed on usage errors and `--help`. */
export const USAGE = `Usage:
  segments segment <file.csv|.tsv> [--columns "A,B,…"] [--k auto|N] [--scale zscore|minmax|none]
           [--algorithm auto|kmeans|kprototypes] [--missing drop|impute] [--seed N] [--restarts N]
           [--name TEXT] [--out FILE] [--json] [--no-save] [--lang en|id]
           orders (detected, or named): [--customer COL] [--date COL] [--amount COL |
           --quantity COL --price COL] [--order COL] [--as-of YYYY-MM-DD] [--no-transactions]
           → one row per customer (default <name>.customers.csv) with RFM personas
  segments segment --sheet <spreadsheet URL or id> [--range "Customers!A1:F"] [same options, no --out]
  segments assign <file> [--run ID|MODEL ID|RUN.json|MODEL.json] [--out FILE] [--json] [--no-save]
  segments runs [--json]
  segments ask "<question>" [--run ID] [--json] [--lang en|id]
  segments train <labelled.csv> --label <column> [--columns "A,B,…"] [--seed N] [--name TEXT]
           [--out FILE] [--json] [--no-save]

  --lang en|id: the language of persona names, strategies, reasons and answers (Bahasa Indonesia
  with id); default from LC_ALL/LANG (id_ID… is Indonesian), else English. ask answers in the
  language of the question unless --lang is given.
`;
