// The shipped themes, compiled in so that every theme works from any directory, even when the
// `themes` folder is not installed next to the binary. Each text must be the same, byte for byte,
// as `themes/NAME.theme` (ThemeFileTests checks it): after editing a theme file, copy it here.

enum BuiltInThemes {
    /// The name a compiled-in theme has in messages.
    static func path(_ name: String) -> String { "(built in) \(name).theme" }

    static let texts: [String: String] = [
        "default": #"""
# perceptron theme: default
# Dark and colour-blind safe (the Okabe-Ito palette): positive weights sky blue, negative orange.
# A copy of this file is compiled into perceptron: it is the built-in default theme.
#
# Format (btop's): one setting a line, theme[role]="value"; '#' starts a comment, on a line of
# its own or after a value.
# A value is a foreground colour, optionally a background colour and attributes, in any order:
#   "#RRGGBB"                  foreground only (btop's form)
#   "#000000 on #F0E442 bold"  foreground, background ("on <colour>") and attributes
#   "on #FFFFFF"               background only
#   "default"                  the terminal's own colour (also "on default"); "" is all default
#   "bold reverse"             attributes only; the words: bold, dim, italic, underline, reverse
# Roles: background, text, dim_text, title, border, key_hint, positive_weight, negative_weight,
#   near_zero_weight, class_0, class_1, sigmoid_curve, sample_marker, loss_line, grid, highlight,
#   warning, correct, wrong, status_running, status_paused.
# The background role's background colour fills the whole screen. A role left out takes the
# default theme's style; an unknown role is ignored with a warning; a role set twice is an error.
# theme[line_weight]="heavy" draws heavy lines and blocks instead of hairlines ("light": thin).

theme[background]="default"
theme[text]="default"
theme[dim_text]="#8A8A8A"
theme[title]="#F0E442 bold"
theme[border]="#5F6B7A"
theme[key_hint]="#56B4E9 bold"

theme[positive_weight]="#56B4E9 bold"
theme[negative_weight]="#E69F00 bold"
theme[near_zero_weight]="#8A8A8A"
theme[class_0]="#E69F00 bold"
theme[class_1]="#56B4E9 bold"

theme[sigmoid_curve]="#E0E0E0"
theme[sample_marker]="#F0E442 bold"
theme[loss_line]="#CC79A7 bold"
theme[grid]="#4E4E4E"
theme[highlight]="#000000 on #F0E442 bold"
theme[warning]="#D55E00 bold"

theme[correct]="#009E73 bold"
theme[wrong]="#D55E00 bold"
theme[status_running]="#000000 on #009E73 bold"
theme[status_paused]="#000000 on #E69F00 bold"

theme[line_weight]="light"

"""#,
        "greyscale": #"""
# perceptron theme: greyscale
# Only greys, on a dark terminal: a weight's sign is carried by its glyph (solid or dashed) and by
# bold (positive) or underline (negative); a wrong prediction by bold underline as well as ✗.
#
# Format (btop's): one setting a line, theme[role]="value"; '#' starts a comment, on a line of
# its own or after a value.
# A value is a foreground colour, optionally a background colour and attributes, in any order:
#   "#RRGGBB"                  foreground only (btop's form)
#   "#000000 on #F0E442 bold"  foreground, background ("on <colour>") and attributes
#   "on #FFFFFF"               background only
#   "default"                  the terminal's own colour (also "on default"); "" is all default
#   "bold reverse"             attributes only; the words: bold, dim, italic, underline, reverse
# Roles: background, text, dim_text, title, border, key_hint, positive_weight, negative_weight,
#   near_zero_weight, class_0, class_1, sigmoid_curve, sample_marker, loss_line, grid, highlight,
#   warning, correct, wrong, status_running, status_paused.
# The background role's background colour fills the whole screen. A role left out takes the
# default theme's style; an unknown role is ignored with a warning; a role set twice is an error.
# theme[line_weight]="heavy" draws heavy lines and blocks instead of hairlines ("light": thin).

theme[background]="default"
theme[text]="#D0D0D0"
theme[dim_text]="#8A8A8A"
theme[title]="#FFFFFF bold"
theme[border]="#6C6C6C"
theme[key_hint]="#FFFFFF bold"

theme[positive_weight]="#FFFFFF bold"
theme[negative_weight]="#B2B2B2 underline"
theme[near_zero_weight]="#808080"
theme[class_0]="#B2B2B2 underline"
theme[class_1]="#FFFFFF bold"

theme[sigmoid_curve]="#E0E0E0"
theme[sample_marker]="#FFFFFF bold"
theme[loss_line]="#FFFFFF bold"
theme[grid]="#4E4E4E"
theme[highlight]="#000000 on #E0E0E0 bold"
theme[warning]="#FFFFFF bold reverse"

theme[correct]="#FFFFFF bold"
theme[wrong]="#FFFFFF bold underline"
theme[status_running]="#000000 on #D0D0D0 bold"
theme[status_paused]="#000000 on #8A8A8A bold"

theme[line_weight]="light"

"""#,
        "high-contrast": #"""
# perceptron theme: high-contrast
# Pure black and white with saturated accents, bold, and heavy lines.
#
# Format (btop's): one setting a line, theme[role]="value"; '#' starts a comment, on a line of
# its own or after a value.
# A value is a foreground colour, optionally a background colour and attributes, in any order:
#   "#RRGGBB"                  foreground only (btop's form)
#   "#000000 on #F0E442 bold"  foreground, background ("on <colour>") and attributes
#   "on #FFFFFF"               background only
#   "default"                  the terminal's own colour (also "on default"); "" is all default
#   "bold reverse"             attributes only; the words: bold, dim, italic, underline, reverse
# Roles: background, text, dim_text, title, border, key_hint, positive_weight, negative_weight,
#   near_zero_weight, class_0, class_1, sigmoid_curve, sample_marker, loss_line, grid, highlight,
#   warning, correct, wrong, status_running, status_paused.
# The background role's background colour fills the whole screen. A role left out takes the
# default theme's style; an unknown role is ignored with a warning; a role set twice is an error.
# theme[line_weight]="heavy" draws heavy lines and blocks instead of hairlines ("light": thin).

theme[background]="#FFFFFF on #000000"
theme[text]="#FFFFFF"
theme[dim_text]="#FFFFFF"
theme[title]="#FFFF00 bold"
theme[border]="#FFFFFF"
theme[key_hint]="#00FFFF bold"

theme[positive_weight]="#00FFFF bold"
theme[negative_weight]="#FF9900 bold"
theme[near_zero_weight]="#FFFFFF"
theme[class_0]="#FF9900 bold"
theme[class_1]="#00FFFF bold"

theme[sigmoid_curve]="#FFFFFF bold"
theme[sample_marker]="#FFFF00 bold"
theme[loss_line]="#FF00FF bold"
theme[grid]="#FFFFFF"
theme[highlight]="#000000 on #FFFF00 bold"
theme[warning]="#FF0000 bold"

theme[correct]="#00FF00 bold"
theme[wrong]="#FF0000 bold"
theme[status_running]="#000000 on #00FF00 bold"
theme[status_paused]="#000000 on #FF9900 bold"

theme[line_weight]="heavy"

"""#,
        "mono": #"""
# perceptron theme: mono
# No colour at all (chosen by NO_COLOR): every role keeps the terminal's own colours, and bold,
# underline and reverse carry every meaning. Positive weights and class 1 are bold, negative
# weights and class 0 underlined; the selection is reversed; a wrong prediction is bold underline.
#
# Format (btop's): one setting a line, theme[role]="value"; '#' starts a comment, on a line of
# its own or after a value.
# A value is a foreground colour, optionally a background colour and attributes, in any order:
#   "#RRGGBB"                  foreground only (btop's form)
#   "#000000 on #F0E442 bold"  foreground, background ("on <colour>") and attributes
#   "on #FFFFFF"               background only
#   "default"                  the terminal's own colour (also "on default"); "" is all default
#   "bold reverse"             attributes only; the words: bold, dim, italic, underline, reverse
# Roles: background, text, dim_text, title, border, key_hint, positive_weight, negative_weight,
#   near_zero_weight, class_0, class_1, sigmoid_curve, sample_marker, loss_line, grid, highlight,
#   warning, correct, wrong, status_running, status_paused.
# The background role's background colour fills the whole screen. A role left out takes the
# default theme's style; an unknown role is ignored with a warning; a role set twice is an error.
# theme[line_weight]="heavy" draws heavy lines and blocks instead of hairlines ("light": thin).

theme[background]="default"
theme[text]="default"
theme[dim_text]="dim"
theme[title]="bold"
theme[border]="default"
theme[key_hint]="bold"

theme[positive_weight]="bold"
theme[negative_weight]="underline"
theme[near_zero_weight]="default"
theme[class_0]="underline"
theme[class_1]="bold"

theme[sigmoid_curve]="default"
theme[sample_marker]="bold"
theme[loss_line]="bold"
theme[grid]="dim"
theme[highlight]="reverse"
theme[warning]="bold reverse"

theme[correct]="bold"
theme[wrong]="bold underline"
theme[status_running]="bold reverse"
theme[status_paused]="bold reverse"

theme[line_weight]="light"

"""#,
        "projector": #"""
# perceptron theme: projector
# Dark text on a light background, for a lit lecture hall: positive weights blue, negative
# vermillion (Okabe-Ito), no dim text, heavy lines instead of hairlines.
#
# Format (btop's): one setting a line, theme[role]="value"; '#' starts a comment, on a line of
# its own or after a value.
# A value is a foreground colour, optionally a background colour and attributes, in any order:
#   "#RRGGBB"                  foreground only (btop's form)
#   "#000000 on #F0E442 bold"  foreground, background ("on <colour>") and attributes
#   "on #FFFFFF"               background only
#   "default"                  the terminal's own colour (also "on default"); "" is all default
#   "bold reverse"             attributes only; the words: bold, dim, italic, underline, reverse
# Roles: background, text, dim_text, title, border, key_hint, positive_weight, negative_weight,
#   near_zero_weight, class_0, class_1, sigmoid_curve, sample_marker, loss_line, grid, highlight,
#   warning, correct, wrong, status_running, status_paused.
# The background role's background colour fills the whole screen. A role left out takes the
# default theme's style; an unknown role is ignored with a warning; a role set twice is an error.
# theme[line_weight]="heavy" draws heavy lines and blocks instead of hairlines ("light": thin).

theme[background]="#000000 on #FFFFFF"
theme[text]="#000000"
theme[dim_text]="#333333"
theme[title]="#000000 bold"
theme[border]="#000000"
theme[key_hint]="#0072B2 bold"

theme[positive_weight]="#0072B2 bold"
theme[negative_weight]="#D55E00 bold"
theme[near_zero_weight]="#333333"
theme[class_0]="#D55E00 bold"
theme[class_1]="#0072B2 bold"

theme[sigmoid_curve]="#000000 bold"
theme[sample_marker]="#A0306E bold"
theme[loss_line]="#000000 bold"
theme[grid]="#555555"
theme[highlight]="#000000 on #F0E442 bold"
theme[warning]="#B00000 bold"

theme[correct]="#00704F bold"
theme[wrong]="#B00000 bold"
theme[status_running]="#FFFFFF on #00704F bold"
theme[status_paused]="#000000 on #E69F00 bold"

theme[line_weight]="heavy"

"""#,
    ]
}
