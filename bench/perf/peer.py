#!/usr/bin/env python3
"""The peer of issue 13: the 30-line python-pptx script a user would write.

    peer.py IN_DIR OUT_DIR

Opens every .pptx under IN_DIR, sets `descr` on every picture, graphic frame
(chart, table, ...) and group that lacks one, to a short text (the chart's
title, "Table with R rows and C columns", "Picture", "Group of N shapes"),
and saves it at the same relative path under OUT_DIR. Single-threaded.
"""
import os
import sys

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

NEEDS_TEXT = {MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.CHART, MSO_SHAPE_TYPE.TABLE, MSO_SHAPE_TYPE.GROUP,
              MSO_SHAPE_TYPE.DIAGRAM, MSO_SHAPE_TYPE.EMBEDDED_OLE_OBJECT, MSO_SHAPE_TYPE.MEDIA}


def text_for(shape):
    if shape.has_chart:
        chart = shape.chart
        return chart.chart_title.text_frame.text if chart.has_title else "Chart"
    if shape.has_table:
        return f"Table with {len(shape.table.rows)} rows and {len(shape.table.columns)} columns"
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        return f"Group of {len(shape.shapes)} shapes"
    return "Picture"


def fill(shapes):
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            fill(shape.shapes)
        if shape.shape_type in NEEDS_TEXT or shape.has_chart or shape.has_table:
            c_nv_pr = shape._element._nvXxPr.cNvPr
            if not c_nv_pr.get("descr"):
                c_nv_pr.set("descr", text_for(shape))


def main(source, target):
    for folder, _, names in os.walk(source):
        for name in sorted(names):
            if not name.endswith(".pptx"):
                continue
            path = os.path.join(folder, name)
            prs = Presentation(path)
            for slide in prs.slides:
                fill(slide.shapes)
            out = os.path.join(target, os.path.relpath(path, source))
            os.makedirs(os.path.dirname(out), exist_ok=True)
            prs.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
