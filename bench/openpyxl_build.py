#!/usr/bin/env python3
"""Baseline for `hqds build`: what a clerk could script with openpyxl instead.

Reads every received workbook (read-only, cached values), finds the header row (the first of the
top ten rows naming 数据集名称), keeps every row below it that has a value, and writes one summary:
title merged across the table, bold filled header, thin borders and 仿宋 on every data cell,
two dropdown lists, frozen header, A4 landscape fit to one page wide, header repeated on each page.
No validation, conversion or mapping: columns are taken as they stand.

usage: python3 bench/openpyxl_build.py OUT.xlsx FILE.xlsx...
"""
import sys

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation


def read_rows(path):
    wb = load_workbook(path, read_only=True, data_only=True)
    rows = []
    for ws in wb.worksheets:
        header = None
        for i, row in enumerate(ws.iter_rows(values_only=True)):
            if header is None:
                if i < 10 and any(isinstance(v, str) and "数据集名称" in v for v in row):
                    header = list(row)
                continue
            if any(v is not None and v != "" for v in row):
                rows.append(list(row))
        if header is None:
            continue
    wb.close()
    return header, rows


def main(out, files):
    header = None
    rows = []
    for f in files:
        h, r = read_rows(f)
        header = header or h
        rows.extend(r)
    header = [h for h in (header or []) if h is not None]
    n = max(len(header), 1)
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总表"
    thin = Side(style="thin", color="FF000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name="仿宋_GB2312", size=10.5)
    wrap = Alignment(vertical="center", wrap_text=True)
    ws.cell(1, 1, "附件2").font = Font(name="黑体", size=16)
    title = ws.cell(2, 1, "青海省行业高质量数据集汇总表")
    title.font = Font(name="方正小标宋简体", size=22)
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n)
    ws.cell(3, 1, "推荐单位：（盖章）")
    head_fill = PatternFill("solid", fgColor="FFF2F2F2")
    for c, label in enumerate(header, 1):
        cell = ws.cell(4, c, label)
        cell.font = Font(name="仿宋_GB2312", size=10.5, bold=True)
        cell.fill = head_fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, row in enumerate(rows, 5):
        for c in range(1, n + 1):
            v = row[c - 1] if c - 1 < len(row) else None
            cell = ws.cell(r, c, v)
            # Text that looks like a formula stays text, as in hqds.
            if isinstance(v, str) and v[:1] in "=+-@":
                cell.data_type = "s"
            cell.font = body_font
            cell.border = border
            cell.alignment = wrap
    last = 4 + max(len(rows), 1)
    for col, items in (("C", "工业制造,现代农业,商贸流通,交通运输,金融服务,科技创新,文化旅游,医疗健康,应急管理,气象服务,城市治理,绿色低碳,通用,其它"), ("D", "文本,图形图像,音频,视频,其它")):
        dv = DataValidation(type="list", formula1=f'"{items}"', allow_blank=True, errorStyle="warning")
        dv.add(f"{col}5:{col}{last}")
        ws.add_data_validation(dv)
    ws.freeze_panes = "A5"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "4:4"
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
