#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PerceptronCore
import TerminalUI

/// The loss landscape (key 7, `frame --panel landscape`): L over two parameters, the others held
/// at the current state, as a heat map with contour bands (two pixels per cell in colour, shaded
/// glyphs in mono and ASCII), the current point, the negative gradient and the path the run took.
/// The slice view (`c`) shows L along one parameter with its tangent and the step α·∂L/∂w.
enum LandscapePanel {
    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let state = c.state
        let gradients = c.trace.parameterGradients
        let settings = state.landscape
        let axes = settings.axes(gradients: gradients)
        let names = parameterNames(c)
        let chosen = settings.horizontal == nil && settings.vertical == nil ? "largest |\(c.glyphs.isASCII ? "dL/dw" : "∂L/∂w")|" : "chosen"
        let zoom = settings.zoom == 0 ? "" : " · zoom \(settings.zoom > 0 ? "" : "1/")\(1 << abs(settings.zoom))×"
        let title = settings.slice
            ? "Loss along \(names[axes.0]), the others held\(zoom)"
            : "Loss landscape · \(names[axes.0]) × \(names[axes.1]) (\(chosen))\(zoom)"
        let inner = c.box(title, area: area, into: &buffer)
        guard inner.height >= 5, inner.width >= 24, gradients.count >= 2 else { return }
        let window = Window(c, axes: axes)
        let landscape = LossLandscape(trainer: state.trainer, axes: axes)
        if settings.slice {
            renderSlice(c, landscape, window, gradient: gradients[axes.0], names[axes.0], inner, &buffer)
        } else {
            renderMap(c, landscape, window, gradients: (gradients[axes.0], gradients[axes.1]), names: (names[axes.0], names[axes.1]),
                      inner, &buffer)
        }
    }

    static func parameterNames(_ c: ViewContext) -> [String] {
        c.state.trainer.parameterNames.map { name in
            guard !c.glyphs.isASCII, name.count >= 2, name.first == "w", let k = Int(name.dropFirst()) else { return name }
            return "w" + DisplayFormat.subscriptDigits(k)
        }
    }

    /// The parameter window around the current point: wide enough for the recent path, halved per zoom level.
    struct Window {
        let center: (Double, Double)
        let u: ClosedRange<Double>
        let v: ClosedRange<Double>
        let path: [(Double, Double)]

        init(_ c: ViewContext, axes: (Int, Int)) {
            let parameters = c.state.trainer.parameters
            center = (parameters[axes.0], parameters[axes.1])
            let history = c.state.parameterHistory
            if history.indices.contains(axes.0), history.indices.contains(axes.1) {
                path = Array(zip(history[axes.0].elements, history[axes.1].elements))
            } else {
                path = []
            }
            let scale = Double(1 << max(0, c.state.landscape.zoom)) / Double(1 << max(0, -c.state.landscape.zoom))
            func reach(_ values: [Double], _ centre: Double) -> Double {
                let farthest = values.filter(\.isFinite).map { abs($0 - centre) }.max() ?? 0
                return max(1, 1.25 * farthest) / scale
            }
            let ru = reach(path.map(\.0), center.0), rv = reach(path.map(\.1), center.1)
            let cu = center.0.isFinite ? center.0 : 0, cv = center.1.isFinite ? center.1 : 0
            u = (cu - ru)...(cu + ru)
            v = (cv - rv)...(cv + rv)
        }
    }

    // MARK: The map

    private static let viridis: [Color] = ["#440154", "#46327E", "#365C8D", "#277F8E", "#1FA187", "#4AC16D", "#A0DA39", "#FDE725"]
        .compactMap { Color(hex: $0) }
    private static let greys: [Color] = ["#1C1C1C", "#303030", "#444444", "#585858", "#6C6C6C", "#8A8A8A", "#A8A8A8", "#C6C6C6"]
        .compactMap { Color(hex: $0) }
    private static let unicodeShades: [Character] = [" ", "·", ":", "░", "▒", "▓", "█"]
    // No "-", "|", "/" or "\\": those draw the arrow, which must stand out from the bands.
    private static let asciiShades: [Character] = [" ", ".", ":", ";", "+", "*", "%", "#"]

    /// How the heat map is painted for the theme and glyph set.
    enum Paint {
        case colours([Color])
        case shades([Character], Style)
    }

    static func paint(_ c: ViewContext) -> Paint {
        let sample = c.style(.positiveWeight).foreground
        if c.glyphs.isASCII { return .shades(asciiShades, c.style(.text)) }
        guard case .rgb(let r, let g, let b) = sample else { return .shades(unicodeShades, c.style(.text)) }
        return .colours(r == g && g == b ? greys : viridis)
    }

    private static func renderMap(_ c: ViewContext, _ landscape: LossLandscape, _ window: Window, gradients: (Double, Double),
                                  names: (String, String), _ inner: Rect, _ buffer: inout Buffer) {
        let ascii = c.glyphs.isASCII
        let plot = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 2)
        let paint = paint(c)
        let pixelRows: Int
        switch paint {
        case .colours: pixelRows = plot.height * 2
        case .shades: pixelRows = plot.height
        }
        let values = landscape.grid(u: window.u, v: window.v, columns: plot.width, rows: pixelRows)
        let bandCount: Int
        switch paint {
        case .colours(let ramp): bandCount = ramp.count
        case .shades(let glyphs, _): bandCount = glyphs.count
        }
        let bands = ContourBands(values: values, count: bandCount)
        func cellBand(_ col: Int, _ row: Int) -> Int {
            switch paint {
            case .colours: bands.band(values[(2 * row) * plot.width + col])
            case .shades: bands.band(values[row * plot.width + col])
            }
        }
        for row in 0..<plot.height {
            for col in 0..<plot.width {
                switch paint {
                case .colours(let ramp):
                    let top = bands.band(values[(2 * row) * plot.width + col])
                    let bottom = bands.band(values[(2 * row + 1) * plot.width + col])
                    buffer.set(plot.x + col, plot.y + row, "▀", style: Style(foreground: ramp[top], background: ramp[bottom]))
                case .shades(let glyphs, let style):
                    buffer.set(plot.x + col, plot.y + row, glyphs[cellBand(col, row)], style: style)
                }
            }
        }

        func cell(_ point: (Double, Double)) -> (Int, Int)? {
            guard point.0.isFinite, point.1.isFinite else { return nil }
            let col = Int(((point.0 - window.u.lowerBound) / (window.u.upperBound - window.u.lowerBound) * Double(plot.width)).rounded(.down))
            let row = Int(((window.v.upperBound - point.1) / (window.v.upperBound - window.v.lowerBound) * Double(plot.height)).rounded(.down))
            guard (0..<plot.width).contains(col), (0..<plot.height).contains(row) else { return nil }
            return (col, row)
        }
        func mark(_ at: (Int, Int), _ character: Character, bold: Bool = true) {
            let (col, row) = at
            var style: Style
            switch paint {
            case .colours(let ramp):
                let band = cellBand(col, row)
                style = Style(foreground: band >= ramp.count / 2 ? Color.rgb(0, 0, 0) : Color.rgb(255, 255, 255), background: ramp[band])
            case .shades: style = c.style(.title)
            }
            if bold { style.attributes.insert(.bold) }
            buffer.set(plot.x + col, plot.y + row, character, style: style)
        }

        // The path, oldest to newest, then the negative gradient, then the current point on top.
        for point in window.path { if let at = cell(point) { mark(at, ascii ? "o" : "•", bold: false) } }
        if let origin = cell(window.center) {
            let du = (window.u.upperBound - window.u.lowerBound) / Double(plot.width)
            let dv = (window.v.upperBound - window.v.lowerBound) / Double(plot.height)
            // Direction in cells, then in visual units (a cell is about twice as tall as wide).
            let x = -gradients.0 / du, y = gradients.1 / dv
            let vx = x, vy = 2 * y
            let norm = (vx * vx + vy * vy).squareRoot()
            if norm > 0, norm.isFinite {
                let length = Double(max(2, min(plot.width, 2 * plot.height) / 5))
                let steps = Int(length)
                for k in 1...steps {
                    let t = Double(k) / norm * length / Double(steps)
                    let col = origin.0 + Int((vx * t).rounded()), row = origin.1 + Int((vy * t / 2).rounded())
                    guard (0..<plot.width).contains(col), (0..<plot.height).contains(row) else { break }
                    mark((col, row), k == steps ? head(vx, vy, ascii) : shaft(vx, vy, ascii))
                }
            }
            mark(origin, ascii ? "@" : "◆")
        }

        // Axes and legend.
        let dim = c.style(.dimText), text = c.style(.text)
        func range(_ r: ClosedRange<Double>) -> String {
            DisplayFormat.signed(r.lowerBound, width: 7).trimmingLeadingSpaces + (ascii ? " .. " : " … ")
                + DisplayFormat.signed(r.upperBound, width: 7).trimmingLeadingSpaces
        }
        var x = buffer.write("\(ascii ? "->" : "→") \(names.0) ", x: inner.x, y: plot.maxY, style: text, clip: inner)
        x = buffer.write(range(window.u), x: x, y: plot.maxY, style: dim, clip: inner)
        x = buffer.write("   \(ascii ? "^" : "↑") \(names.1) ", x: x, y: plot.maxY, style: text, clip: inner)
        x = buffer.write(range(window.v), x: x, y: plot.maxY, style: dim, clip: inner)
        let legendY = plot.maxY + 1
        x = buffer.write(ascii ? "@ now  o path  > -grad L   " : "◆ now  • path  ➔ −∇L   ", x: inner.x, y: legendY, style: text, clip: inner)
        x = buffer.write("L " + DisplayFormat.compact(bands.low, width: 6) + " ", x: x, y: legendY, style: dim, clip: inner)
        for k in 0..<bandCount {
            switch paint {
            case .colours(let ramp): buffer.set(x, legendY, "█", style: Style(foreground: ramp[k]))
            case .shades(let glyphs, let style): buffer.set(x, legendY, glyphs[k] == " " ? "_" : glyphs[k], style: style)
            }
            x += 1
        }
        buffer.write(" " + DisplayFormat.compact(bands.high, width: 6) + " (log bands)", x: x, y: legendY, style: dim, clip: inner)
    }

    private static func direction(_ vx: Double, _ vy: Double) -> Int {
        // 0 = right, counting counter-clockwise in eighths (screen y grows downwards).
        let angle = atan2(-vy, vx)
        return (Int((angle / (Double.pi / 4)).rounded()) + 8) % 8
    }

    private static func head(_ vx: Double, _ vy: Double, _ ascii: Bool) -> Character {
        let heads: [Character] = ascii ? [">", "/", "^", "\\", "<", "/", "v", "\\"] : ["→", "↗", "↑", "↖", "←", "↙", "↓", "↘"]
        return heads[direction(vx, vy)]
    }

    private static func shaft(_ vx: Double, _ vy: Double, _ ascii: Bool) -> Character {
        let shafts: [Character] = ascii ? ["-", "/", "|", "\\", "-", "/", "|", "\\"] : ["─", "╱", "│", "╲", "─", "╱", "│", "╲"]
        return shafts[direction(vx, vy)]
    }

    // MARK: The slice

    private static func renderSlice(_ c: ViewContext, _ landscape: LossLandscape, _ window: Window, gradient: Double, _ name: String,
                                    _ inner: Rect, _ buffer: inout Buffer) {
        let ascii = c.glyphs.isASCII
        let labelWidth = 7
        let plot = Rect(x: inner.x + labelWidth, y: inner.y, width: inner.width - labelWidth, height: inner.height - 3)
        guard plot.height >= 2, plot.width >= 8 else { return }
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        let samplesPerCell = c.marker == .braille ? 2 : 1
        let count = plot.width * samplesPerCell
        let curve = landscape.slice(u: window.u, count: count)
        let loss = c.trace.loss
        let finite = (curve + [loss]).filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let yRange = low...(high > low ? high : low + 1)
        let u0 = window.center.0
        func at(_ k: Int) -> Double { window.u.lowerBound + Double(k) / Double(max(1, count - 1)) * (window.u.upperBound - window.u.lowerBound) }
        for k in 1..<count where curve[k - 1].isFinite && curve[k].isFinite {
            canvas.line(from: (at(k - 1), curve[k - 1]), to: (at(k), curve[k]), xRange: window.u, yRange: yRange, style: c.style(.lossLine))
        }
        // The tangent: slope ∂L/∂w through the current point, over a quarter of the window each side.
        let reach = (window.u.upperBound - window.u.lowerBound) / 4
        canvas.line(from: (u0 - reach, loss - gradient * reach), to: (u0 + reach, loss + gradient * reach),
                    xRange: window.u, yRange: yRange, style: c.style(.title))
        canvas.render(into: &buffer, at: plot, marker: c.marker)
        // Columns as the canvas places dots, so the axis marks sit under the curve's points.
        func column(_ u: Double) -> Int {
            plot.x + (canvas.dot(x: u, y: yRange.lowerBound, xRange: window.u, yRange: yRange)?.x ?? -2) / 2
        }
        // The current point in the cell the curve passes through there.
        if let dot = canvas.dot(x: u0, y: loss, xRange: window.u, yRange: yRange) {
            let x = plot.x + min(max(dot.x / 2, 0), plot.width - 1)
            let y = plot.y + min(max(dot.y / 4, 0), plot.height - 1)
            buffer.set(x, y, ascii ? "@" : "◆", style: c.style(.highlight))
        }

        // y labels, then the axis with the step −α·∂L/∂w drawn on it.
        let dim = c.style(.dimText)
        buffer.write(DisplayFormat.compact(yRange.upperBound, width: labelWidth - 1), x: inner.x, y: plot.y, style: dim)
        buffer.write(DisplayFormat.compact(yRange.lowerBound, width: labelWidth - 1), x: inner.x, y: plot.maxY - 1, style: dim)
        let axisY = plot.maxY
        for x in plot.x..<plot.maxX { buffer.set(x, axisY, ascii ? "-" : "─", style: c.style(.grid)) }
        let alpha = c.state.trainer.learningRate
        let step = -alpha * gradient
        let from = column(u0), to = column(u0 + step)
        let lo = max(plot.x, min(from, to)), hi = min(plot.maxX - 1, max(from, to))
        if lo <= hi {
            for x in lo...hi { buffer.set(x, axisY, ascii ? "=" : "━", style: c.style(.lossLine)) }
            if to != from, (plot.x..<plot.maxX).contains(to) {
                buffer.set(to, axisY, to > from ? (ascii ? ">" : "▶") : (ascii ? "<" : "◀"), style: c.style(.lossLine))
            }
        }
        if (plot.x..<plot.maxX).contains(from) { buffer.set(from, axisY, ascii ? "|" : "┴", style: c.style(.title)) }
        let range = DisplayFormat.signed(window.u.lowerBound, width: 7).trimmingLeadingSpaces
        let rangeEnd = DisplayFormat.signed(window.u.upperBound, width: 7).trimmingLeadingSpaces
        buffer.write(range, x: plot.x, y: axisY + 1, style: dim, clip: inner)
        buffer.write(name, x: plot.x + (plot.width - name.count) / 2, y: axisY + 1, style: c.style(.text), clip: inner)
        buffer.write(rangeEnd, x: plot.maxX - rangeEnd.count, y: axisY + 1, style: dim, clip: inner)
        let d = ascii ? "d" : "∂", a = ascii ? "lr" : "α", t = ascii ? "*" : "·"
        var x = buffer.write("tangent slope \(d)L/\(d)\(name) = ", x: inner.x, y: axisY + 2, style: c.style(.text), clip: inner)
        x = buffer.write(DisplayFormat.signed(gradient, width: 7).trimmingLeadingSpaces, x: x, y: axisY + 2, style: c.style(.title), clip: inner)
        x = buffer.write("   step \(ascii ? "-" : "−")\(a)\(t)\(d)L/\(d)\(name) = ", x: x, y: axisY + 2, style: c.style(.text), clip: inner)
        x = buffer.write(DisplayFormat.signed(step, width: 7).trimmingLeadingSpaces, x: x, y: axisY + 2, style: c.style(.lossLine), clip: inner)
        buffer.write(ascii ? "  (on the axis)" : "  (━ on the axis)", x: x, y: axisY + 2, style: dim, clip: inner)
    }
}

/// The landscape's keys: 7 shows or hides it; while it is shown, a and A pick the next horizontal and
/// vertical parameter (as they pick the boundary's axes elsewhere), z and Z zoom in and out, c
/// switches map and slice (a cut through the map), 0 goes back to the default.
func handleLandscapeKey(_ key: Key, _ state: inout AppState) -> Bool {
    if key == .character("7") {
        state.zoomedPanel = state.zoomedPanel == .landscape ? nil : .landscape
        return true
    }
    guard state.zoomedPanel == .landscape else { return false }
    let trace = state.trainer.trace()
    let count = state.trainer.parameters.count
    let (u, v) = state.landscape.axes(gradients: trace.parameterGradients)
    switch key {
    case .character("a"):
        var next = (u + 1) % count
        if next == v, count > 2 { next = (next + 1) % count }
        state.landscape.horizontal = next
        state.landscape.vertical = v
    case .character("A"):
        var next = (v + 1) % count
        if next == u, count > 2 { next = (next + 1) % count }
        state.landscape.horizontal = u
        state.landscape.vertical = next
    case .character("z"):
        state.landscape.zoom = min(state.landscape.zoom + 1, LandscapeSettings.zoomRange.upperBound)
    case .character("Z"):
        state.landscape.zoom = max(state.landscape.zoom - 1, LandscapeSettings.zoomRange.lowerBound)
    case .character("c"):
        state.landscape.slice.toggle()
    case .character("0"):
        state.landscape = LandscapeSettings()
    default:
        return false
    }
    return true
}
