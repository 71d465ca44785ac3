#!/bin/sh
# Regenerates Sources/PerceptronApp/ThemeBuiltIns.swift from themes/*.theme, so the shipped themes
# are compiled in and work from any directory. Run it after editing a theme file; ThemeFileTests
# fails while the two differ.
exec "$(dirname "$0")/make_builtin.sh" theme BuiltInThemes Sources/PerceptronApp/ThemeBuiltIns.swift \
    make_builtin_themes.sh \
    'The shipped themes, compiled in so that every theme works from any directory, even when the' \
    '`themes` folder is not installed next to the binary.'
