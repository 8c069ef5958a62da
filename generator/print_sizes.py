"""Photo frames on booklet pages (millimetres), shared by the booklet templates and the print check."""

PORTRAIT_MM = {"A5": (40.0, 53.0), "A4": (56.0, 75.0)}   # 3:4 portrait frame on a profile page
DPI = 300
