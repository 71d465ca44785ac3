/// Stand-ins for the non-ASCII characters the panels use, for `--ascii` (terminals and projector
/// fonts without box drawing, braille or Greek). Panels pick good ASCII forms themselves where it
/// matters; this catches everything else, so an ASCII frame never contains anything but ASCII.
enum ASCIIFallback {
    static func character(for character: Character) -> Character {
        if let mapped = table[character] { return mapped }
        guard let scalar = character.unicodeScalars.first else { return "?" }
        switch scalar.value {
        case 0x2500...0x257F: return box(scalar)           // box drawing
        case 0x2580...0x259F: return "#"                   // blocks
        case 0x2800...0x28FF: return scalar.value == 0x2800 ? " " : "*"  // braille
        case 0x2080...0x2089: return Character(Unicode.Scalar(scalar.value - 0x2080 + 0x30)!)  // ₀…₉
        default: return "?"
        }
    }

    private static func box(_ scalar: Unicode.Scalar) -> Character {
        let horizontal: Set<UInt32> = [0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550]
        let vertical: Set<UInt32> = [0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551]
        if horizontal.contains(scalar.value) { return "-" }
        if vertical.contains(scalar.value) { return "|" }
        return "+"
    }

    private static let table: [Character: Character] = [
        "σ": "s", "Σ": "S", "α": "a", "Δ": "d", "∂": "d", "ŷ": "p", "−": "-", "·": "|", "…": ".",
        "▶": ">", "◀": "<", "→": ">", "←": "<", "↑": "^", "↓": "v", "✓": "+", "✗": "x", "≈": "~",
        "≥": ">", "≤": "<", "×": "x",
    ]
}
