#!/usr/bin/env python3
"""Baseline for `hqds check`: openpyxl in read-only mode reading every cell value of every sheet of
every file (no validation at all), printing the number of non-empty rows.

usage: python3 bench/openpyxl_read.py FILE.xlsx...
"""
import sys

from openpyxl import load_workbook

count = 0
for f in sys.argv[1:]:
    wb = load_workbook(f, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            if any(v is not None for v in row):
                count += 1
    wb.close()
print(count)
