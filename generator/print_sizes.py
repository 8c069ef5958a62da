"""Photo frames on booklet pages (millimetres), shared by the booklet and the print-resolution check.

Each is the LARGEST size a layout prints that kind of photo at; print derivatives are made for these
frames at 300 dpi and the templates only ever place a photo at that size or smaller, so a photo with
enough pixels prints at 300 ppi or more whatever layout a page ends up with.
"""

# 3:4 portraits. A profile page prints its portrait between the smallest and the largest size, never
# wider than the photo's pixels allow at 300 ppi: so a photo is too small for print only when it is
# below 300 ppi at PORTRAIT_MM, the size `fengcai check` asks pixels for.
PORTRAIT_MM = {"A5": (36.0, 48.0), "A4": (50.4, 67.2)}          # the smallest portrait of a profile page
PORTRAIT_LARGE_MM = {"A5": (64.0, 85.3), "A4": (89.6, 119.5)}   # the largest beside the name
HERO_PORTRAIT_MM = {"A5": (80.0, 106.7), "A4": (112.0, 149.3)}  # 3:4, the large portrait of a profile whose
#                                                               # text runs long (only when the photo has the pixels)
PHOTO_MM = {"A5": (116.4, 87.3), "A4": (163.0, 122.2)}         # 4:3 across the text block: gallery and group photos
UPRIGHT_PHOTO_MM = {"A5": (75.0, 100.0), "A4": (105.0, 140.0)}  # 3:4 gallery photos taken upright
COVER_MM = {"A5": (120.0, 90.0), "A4": (170.0, 127.5)}          # 4:3 photo inset on the front cover
DPI = 300
