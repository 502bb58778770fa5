"""Excel in and out: ledger import/export and the 一表通 workbook (DESIGN.md section 6).

Import is a pipeline (STYLE.md 9): `reader` parses an upload into rows of
cells, a module per format (`ledger`, `workbook`) validates each row and
resolves references by natural key, and one atomic step applies the result.
`writer` is the only place that puts values into exported cells.
"""
