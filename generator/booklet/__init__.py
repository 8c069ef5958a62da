"""Printable PDF booklets (小册子) of an association's model workers, set with Typst.

    selection.py   which workers, collectives and studios a booklet holds (pure)
    markdown.py    editor Markdown → blocks of styled text runs (data, never Typst markup)
    document.py    a selection → the JSON document the template lays out (pure)
    fonts.py       finding Noto CJK and the rare-character fallbacks
    glyphs.py      which characters a font can draw (cmap reader)
    checks.py      every character drawable, else a Chinese error naming the person
    images.py      print-size photos (media pipeline, or a small Pillow adapter)
    qr.py          QR codes to each web page, as SVG
    render.py      Typst compile of theme/booklet/booklet.typ with the document as sys.inputs
    impose.py      saddle-stitch imposition (pypdf)
    print_boxes.py TrimBox/BleedBox of the print-shop version
    build.py       build_booklets(model, out_dir, media=None): the stages in order
"""
