"""Files in, articles out.

    reader.read_file(path) -> SourceText      decode the file as an editor sees it
    reflow.reflow(text) -> list[Paragraph]    repair the PDF layout, keep an offset map
    segment.segment(source) -> Page           split the page into articles

Every character of an article's display text maps back to the decoded source
(see model.py), so a number found in an article can be shown in its file.
"""
