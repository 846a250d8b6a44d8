#!/usr/bin/env python3
"""Makes assets/fonts/NotoColorEmoji-Subset.ttf from Debian's Noto Color Emoji.

Run by hand when updating the font, never at build time (needs Debian's
fonts-noto-color-emoji and python3-fonttools; use /usr/bin/python3):

    /usr/bin/python3 assets/fonts/tools/subset-emoji.py \
        /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf assets/fonts/NotoColorEmoji-Subset.ttf

The full font (10.5 MiB) is mostly skin-tone variants. This keeps every glyph
except the ligatures of sequences that combine a skin-tone modifier
(U+1F3FB..U+1F3FF) with a zero-width joiner (U+200D), e.g. "woman firefighter:
medium skin tone" or "couple with heart: light skin tone, dark skin tone".
Kept: every single code point, flags, keycaps, ZWJ sequences without skin
tones, and the simple "emoji + skin tone" pairs (thumbs up: medium skin tone).
The renderer (engine/ui/fontset.c) draws a dropped sequence without its skin
tones (e.g. the default-coloured woman firefighter).
"""
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SKIN = range(0x1F3FB, 0x1F400)
ZWJ = 0x200D


def main(src, dst):
    font = TTFont(src, recalcTimestamp=False)  # reproducible output
    cmap = font.getBestCmap()
    glyph_to_cp = {g: cp for cp, g in cmap.items()}
    dropped = set()
    for lookup in font['GSUB'].table.LookupList.Lookup:
        if lookup.LookupType != 4:  # ligature substitution
            continue
        for st in lookup.SubTable:
            for first, ligatures in st.ligatures.items():
                for lig in ligatures:
                    cps = [glyph_to_cp.get(g) for g in [first] + lig.Component]
                    if ZWJ in cps and any(cp in SKIN for cp in cps if cp is not None):
                        dropped.add(lig.LigGlyph)
    keep = [g for g in font.getGlyphOrder() if g not in dropped]

    options = subset.Options()
    options.layout_closure = False   # do not pull the dropped ligatures back in
    options.layout_features = ['*']
    options.name_IDs = ['*']
    options.name_languages = ['*']
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=keep, unicodes=list(cmap.keys()))
    subsetter.subset(font)
    font.save(dst)
    print(f"{dst}: kept {len(keep)} glyphs, dropped {len(dropped)} skin-tone ZWJ sequences")


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit("usage: subset-emoji.py SOURCE.ttf OUTPUT.ttf")
    main(sys.argv[1], sys.argv[2])
