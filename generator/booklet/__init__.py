"""Printable PDF booklets (小册子) of an association's model workers, set with Typst.

    selection.py   which workers, collectives and studios a booklet holds; its title and file name (pure)
    settings.py    the `booklet:` settings of site.yml (paper, colophon, press colour profile)
    markdown.py    editor Markdown → blocks of styled text runs (data, never Typst markup)
    document.py    a selection → the JSON document the template lays out (pure)
    fonts.py       finding Noto CJK and the rare-character fallbacks
    glyphs.py      which characters a font can draw (cmap reader)
    checks.py      every character drawable, else a Chinese error naming the person
    images.py      print-size photos (media pipeline), and their CMYK versions for the press file
    render.py      Typst compile of theme/booklet/booklet.typ with the document as sys.inputs
    press.py       the print shop's PDF/X-1a file: sheet, boxes, crop marks, OutputIntent, metadata
    pdf_facts.py   what a PDF really contains (every page walked with pikepdf)
    preflight.py   印前检查: those facts judged, photo resolution, settings; the Chinese summary
    impose.py      saddle-stitch imposition for office printers (pypdf)
    build.py       make_booklets(model, out_dir, …): the stages in order
"""
