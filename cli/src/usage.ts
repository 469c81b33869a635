/** The usage text of `segments`, printed on usage errors and `--help`. */
export const USAGE = `Usage:
  segments segment <file.csv|.tsv> [--columns "A,B,…"] [--k auto|N] [--scale zscore|minmax|none]
           [--algorithm auto|kmeans|kprototypes] [--missing drop|impute] [--seed N] [--restarts N]
           [--name TEXT] [--out FILE] [--json] [--no-save]
           orders (detected, or named): [--customer COL] [--date COL] [--amount COL |
           --quantity COL --price COL] [--order COL] [--as-of YYYY-MM-DD] [--no-transactions]
           → one row per customer (default <name>.customers.csv) with RFM personas
  segments segment --sheet <spreadsheet URL or id> [--range "Customers!A1:F"] [same options, no --out]
  segments assign <file> [--run ID|MODEL ID|RUN.json|MODEL.json] [--out FILE] [--json] [--no-save]
  segments runs [--json]
  segments ask "<question>" [--run ID] [--json]
  segments train <labelled.csv> --label <column> [--columns "A,B,…"] [--seed N] [--name TEXT]
           [--out FILE] [--json] [--no-save]
`;
