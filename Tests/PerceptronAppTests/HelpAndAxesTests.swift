import PerceptronCore
import TerminalUI
import XCTest
@testable import PerceptronApp

/// The help overlay's mouse section and the decision boundary's vertical scale.
final class HelpAndAxesTests: XCTestCase {
    private func ascii() -> Theme {
        var theme = Theme.standard
        theme.glyphs = .ascii
        return theme
    }

    private func helpLines(width: Int, height: Int, theme: Theme = .standard) throws -> [String] {
        var s = AppState(trainer: try Trainer(dataset: Dataset.named("notebook")), running: false, width: width, height: height)
        s.themes = [theme]
        s.showHelp = true
        return view(s).plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A key or gesture and its help as the overlay sets them: the label in a 10-column field.
    private func entry(_ label: String, _ help: String) -> String {
        label + String(repeating: " ", count: max(10 - label.count, 0)) + help
    }

    /// At the smallest screen, in two columns, and in one on a tall screen: every key and every
    /// gesture in full, the gestures under a "Mouse" heading.
    func testHelpListsEveryKeyAndTheMouseInFull() throws {
        for (width, height, theme) in [(80, 24, Theme.standard), (80, 24, ascii()), (120, 40, .standard), (100, 50, ascii())] {
            let lines = try helpLines(width: width, height: height, theme: theme)
            let text = lines.joined(separator: "\n")
            let isASCII = theme.glyphs.isASCII
            for binding in KeyMap.bindings {
                let label = isASCII ? binding.asciiLabel ?? binding.label : binding.label
                // ASCII frames replace what is left of Unicode in the help text (… and the like).
                let help = isASCII ? String(binding.help.map { $0.isASCII ? $0 : ASCIIFallback.character(for: $0) }) : binding.help
                XCTAssertTrue(text.contains(entry(label, help)), "\(width)x\(height): \(label) \(help)\n\(text)")
            }
            let heading = try XCTUnwrap(lines.firstIndex { $0.contains(" Mouse ") }, text)
            let column = try XCTUnwrap(lines[heading].range(of: " Mouse ")).lowerBound
            for gesture in KeyMap.mouse {
                let row = try XCTUnwrap(lines.firstIndex { $0.contains(entry(gesture.label, gesture.help)) },
                                        "\(width)x\(height): \(gesture.help)\n\(text)")
                XCTAssertGreaterThan(row, heading, text)
                XCTAssertEqual(lines[row].distance(from: lines[row].startIndex, to: lines[row].range(of: entry(gesture.label, gesture.help))!.lowerBound),
                               lines[heading].distance(from: lines[heading].startIndex, to: column) + 1,
                               "under the heading:\n\(text)")
            }
            XCTAssertTrue(text.contains("Keys and mouse"), text)
        }
    }

    /// Every gesture the mouse handler knows is listed once, short and plain enough for a column
    /// of the overlay (27 columns beside the label) in ASCII too.
    func testTheMouseTableListsEveryGestureOnce() {
        for gesture in MouseGesture.allCases {
            XCTAssertEqual(KeyMap.mouse.filter { $0.gesture == gesture }.count, 1, "\(gesture)")
        }
        for binding in KeyMap.mouse {
            XCTAssertLessThanOrEqual(binding.help.count, 27, binding.help)
            XCTAssertLessThan(binding.label.count, 10, binding.label)
            XCTAssertTrue((binding.label + binding.help).allSatisfy(\.isASCII), binding.help)
        }
        XCTAssertEqual(MouseGesture(.wheelDown, on: .panel(.loss)), .wheelOverTime)
        XCTAssertEqual(MouseGesture(.wheelUp, on: .timeline(step: 3)), .wheelOverTime)
        XCTAssertNil(MouseGesture(.wheelUp, on: .panel(.weights)), "the wheel moves in time only where time is drawn")
        XCTAssertNil(MouseGesture(.release(.left), on: .timeline(step: 3)))
        XCTAssertNil(MouseGesture(.press(.right), on: .panel(.loss)))
        XCTAssertEqual(MouseGesture(.press(.left), on: .sample(2)), .clickSample)
        XCTAssertEqual(MouseGesture(.press(.left), on: .panel(.boundary)), .clickPanel)
    }

    /// A gap between the sections never opens a column.
    func testAGapNeverOpensAColumn() {
        let lines: [HelpOverlay.Line] = [.entry(label: "a", help: "1"), .entry(label: "b", help: "2"), .gap,
                                         .heading("Mouse"), .entry(label: "c", help: "3")]
        XCTAssertEqual(HelpOverlay.columns(lines, count: 2),
                       [[.entry(label: "a", help: "1"), .entry(label: "b", help: "2"), .gap],
                        [.heading("Mouse"), .entry(label: "c", help: "3")]])
        let opening = HelpOverlay.columns(Array(lines.prefix(4)), count: 2)
        XCTAssertEqual(opening, [[.entry(label: "a", help: "1"), .entry(label: "b", help: "2")], [.heading("Mouse")]])
    }

    // MARK: The boundary's axes

    /// x₁ over 0…4 and x₂ over 10…30: with a quarter of each spread as margin the plot spans
    /// −1…5 across and 5…35 up, so the labels cannot be each other's.
    private func skewed() -> Dataset {
        Dataset(name: "skewed", summary: "two inputs on different scales",
                rows: [[0, 10], [4, 30], [2, 20], [1, 10]], targets: [0, 1, 1, 0])
    }

    private func boundaryState(width: Int, height: Int, theme: Theme = .standard, zoom: Bool = false) throws -> AppState {
        var s = AppState(trainer: try Trainer(dataset: skewed(), learningRate: 0.1), running: false, width: width, height: height)
        s.themes = [theme]
        if zoom { s.zoomedPanel = .boundary }
        s.fastForward(to: 50)
        return s
    }

    private func rows(_ buffer: Buffer) -> [[Character]] {
        buffer.plainText.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
    }

    private func text(_ row: [Character], _ x: Int, _ count: Int) -> String {
        String(row[max(x, 0)..<min(x + count, row.count)])
    }

    /// The scale left of the plot: 35 on the top row, 5 on the bottom one, right-aligned against a
    /// tick, x₂ between; the range across under the plot's first and last columns; and no plot
    /// cell holds anything but the shading and the samples. In the standard layout at 80x24,
    /// zoomed at 120x40 and 200x60 (the range across then above the key hints), the panel alone,
    /// and in ASCII.
    func testTheVerticalAxisIsLabelledBesideThePlot() throws {
        let cases: [(Int, Int, Theme, Bool, Bool)] = [  // width, height, theme, zoomed, panel alone
            (80, 24, .standard, false, false), (120, 40, .standard, true, false), (200, 60, .standard, true, false),
            (44, 13, .standard, false, true), (80, 24, ascii(), false, false), (120, 40, ascii(), true, false),
        ]
        for (width, height, theme, zoom, alone) in cases {
            let s = try boundaryState(width: width, height: height, theme: theme, zoom: zoom)
            let area = alone ? Rect(x: 0, y: 0, width: width, height: height)
                : zoom ? ScreenRows(s).body : try XCTUnwrap(StandardLayout(s, body: ScreenRows(s).body).panels.first { $0.0 == .boundary }?.1)
            let buffer = alone ? view(s, panel: .boundary) : view(s)
            let lines = rows(buffer)
            let picture = lines.map { String($0) }.joined(separator: "\n")
            let plot = BoundaryPanel.plotArea(s, area: area)
            let ascii = theme.glyphs.isASCII
            let tick: Character = ascii ? "+" : "┤", line: Character = ascii ? "|" : "│"
            let label = "\(width)x\(height)\(zoom ? " zoomed" : "")\(ascii ? " ascii" : "")"
            XCTAssertEqual(plot.x, area.x + 1 + 3, "two-digit labels and the line: \(label)")
            XCTAssertEqual(text(lines[plot.y], plot.x - 3, 3), "35" + String(tick), "\(label)\n\(picture)")
            XCTAssertEqual(text(lines[plot.maxY - 1], plot.x - 3, 3), " 5" + String(tick), "\(label)\n\(picture)")
            XCTAssertEqual(text(lines[plot.y + plot.height / 2], plot.x - 3, 3), (ascii ? "x2" : "x₂") + String(line),
                           "\(label)\n\(picture)")
            for y in plot.y + 1..<plot.maxY - 1 where y != plot.y + plot.height / 2 {
                XCTAssertEqual(text(lines[y], plot.x - 3, 3), "  " + String(line), "\(label)\n\(picture)")
            }
            // Across, on the bottom border or (zoomed) the row above it.
            let across = lines[plot.maxY]
            XCTAssertEqual(plot.maxY, zoom ? area.maxY - 2 : area.maxY - 1, label)
            XCTAssertEqual(text(across, plot.x, 3), "-1" + (ascii ? "-" : "─"), "\(label)\n\(picture)")
            XCTAssertEqual(text(across, plot.maxX - 2, 2), " 5", "\(label)\n\(picture)")
            XCTAssertTrue(text(across, plot.x, plot.width).contains(ascii ? " x1 " : " x₁ "), "\(label)\n\(picture)")
            if zoom { XCTAssertTrue(String(lines[area.maxY - 1]).contains("help"), "the key hints keep the border:\n\(picture)") }
            // The plot itself: shading, contour and samples only.
            let allowed: Set<Character> = ascii ? Set(" .:-=+*#%@/\\|01") : ["▀", "0", "1"]
            for y in plot.y..<plot.maxY {
                for x in plot.x..<plot.maxX where !allowed.contains(lines[y][x]) {
                    XCTFail("\(label): '\(lines[y][x])' at \(x),\(y) in the plot\n\(picture)")
                }
            }
        }
    }

    /// One input has no vertical axis, and a panel too narrow for 8 columns of plot beside the
    /// scale keeps the range across instead: the plot then fills the box.
    func testNoScaleForOneInputOrANarrowPanel() throws {
        let line = Dataset(name: "line", summary: "one input", rows: [[0], [1], [2], [3]], targets: [0, 0, 1, 1])
        var one = AppState(trainer: try Trainer(dataset: line), running: false, width: 40, height: 12)
        one.fastForward(to: 10)
        XCTAssertEqual(BoundaryPanel.plotArea(one, area: Rect(x: 0, y: 0, width: 40, height: 12)),
                       Rect(x: 1, y: 1, width: 38, height: 10))
        let narrow = try boundaryState(width: 12, height: 8)
        XCTAssertEqual(BoundaryPanel.plotArea(narrow, area: Rect(x: 0, y: 0, width: 12, height: 8)),
                       Rect(x: 1, y: 1, width: 10, height: 6))
        let lines = rows(view(narrow, panel: .boundary))
        XCTAssertTrue(String(lines[7]).hasPrefix("└-1"), String(lines[7]))
        XCTAssertTrue(String(lines[7]).hasSuffix(" 5┘"), String(lines[7]))
        let wider = try boundaryState(width: 13, height: 8)
        XCTAssertEqual(BoundaryPanel.plotArea(wider, area: Rect(x: 0, y: 0, width: 13, height: 8)),
                       Rect(x: 4, y: 1, width: 8, height: 6), "one column more and the scale fits")
    }
}
