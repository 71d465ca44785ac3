/// Mapping 24-bit colours to the palettes terminals without true colour offer.
extension Color {
    /// The six channel levels of the xterm 6×6×6 colour cube (indices 16…231).
    public static let xtermCubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The eight basic ANSI colours (black, red, green, yellow, blue, magenta, cyan, white) as xterm
    /// draws them by default; `ansi8Index` picks the nearest of these.
    public static let ansi8Palette: [(red: Int, green: Int, blue: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    ]

    /// The nearest xterm-256 colour index (16…255) to an RGB colour.
    ///
    /// Candidates are the nearest colour of the 6×6×6 cube (levels 0, 95, 135, 175, 215, 255) and
    /// the 24 greys 232…255 (level 8 + 10·i); the one at the smaller squared RGB distance wins, the
    /// cube on a tie. The 16 system colours are never chosen: terminals draw them differently.
    public static func xterm256Index(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        let r = Int(red), g = Int(green), b = Int(blue)
        func nearestLevel(_ v: Int) -> Int {
            var best = 0
            for i in 1..<xtermCubeLevels.count where abs(xtermCubeLevels[i] - v) < abs(xtermCubeLevels[best] - v) {
                best = i
            }
            return best
        }
        let (ri, gi, bi) = (nearestLevel(r), nearestLevel(g), nearestLevel(b))
        let cubeDistance = squaredDistance(r, g, b, xtermCubeLevels[ri], xtermCubeLevels[gi], xtermCubeLevels[bi])
        var greyIndex = 0
        var greyDistance = Int.max
        for i in 0..<24 {
            let level = 8 + 10 * i
            let d = squaredDistance(r, g, b, level, level, level)
            if d < greyDistance { greyDistance = d; greyIndex = i }
        }
        if cubeDistance <= greyDistance { return UInt8(16 + 36 * ri + 6 * gi + bi) }
        return UInt8(232 + greyIndex)
    }

    /// The nearest of the 8 basic ANSI colours (0…7, see `ansi8Palette`).
    ///
    /// Near-greys (channels within 24 of each other) become black (0) when their mean is below 64
    /// and white (7) otherwise: by plain distance a mid grey would be nearest to yellow, since the
    /// basic colours are all saturated. Other colours take the nearest by squared RGB distance,
    /// the lower index on a tie.
    public static func ansi8Index(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        let channels = [Int(red), Int(green), Int(blue)]
        if let high = channels.max(), let low = channels.min(), high - low <= 24 {
            return channels.reduce(0, +) < 3 * 64 ? 0 : 7
        }
        var best = 0
        var bestDistance = Int.max
        for (i, c) in ansi8Palette.enumerated() {
            let d = squaredDistance(channels[0], channels[1], channels[2], c.red, c.green, c.blue)
            if d < bestDistance { bestDistance = d; best = i }
        }
        return UInt8(best)
    }

    /// This colour's nearest xterm-256 index; nil for `.default`.
    public var xterm256Index: UInt8? {
        guard case .rgb(let r, let g, let b) = self else { return nil }
        return Color.xterm256Index(red: r, green: g, blue: b)
    }

    /// This colour's nearest basic ANSI colour (0…7); nil for `.default`.
    public var ansi8Index: UInt8? {
        guard case .rgb(let r, let g, let b) = self else { return nil }
        return Color.ansi8Index(red: r, green: g, blue: b)
    }

    /// The RGB value of an xterm-256 index (16…255 exactly; 0…15 as xterm's defaults).
    public static func rgb(xterm256 index: UInt8) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let i = Int(index)
        switch i {
        case 0..<8:
            let c = ansi8Palette[i]
            return (UInt8(c.red), UInt8(c.green), UInt8(c.blue))
        case 8..<16:
            let bright: [(Int, Int, Int)] = [(127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
                                             (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
            let c = bright[i - 8]
            return (UInt8(c.0), UInt8(c.1), UInt8(c.2))
        case 16..<232:
            let n = i - 16
            return (UInt8(xtermCubeLevels[n / 36]), UInt8(xtermCubeLevels[n / 6 % 6]), UInt8(xtermCubeLevels[n % 6]))
        default:
            let level = UInt8(8 + 10 * (i - 232))
            return (level, level, level)
        }
    }

    private static func squaredDistance(_ r1: Int, _ g1: Int, _ b1: Int, _ r2: Int, _ g2: Int, _ b2: Int) -> Int {
        (r1 - r2) * (r1 - r2) + (g1 - g2) * (g1 - g2) + (b1 - b2) * (b1 - b2)
    }
}

extension Color: CustomStringConvertible {
    /// `#RRGGBB` (upper-case hex), or `default`.
    public var description: String {
        guard case .rgb(let r, let g, let b) = self else { return "default" }
        let digits = Array("0123456789ABCDEF")
        return "#" + [r, g, b].map { String([digits[Int($0 >> 4)], digits[Int($0 & 0xf)]]) }.joined()
    }
}
