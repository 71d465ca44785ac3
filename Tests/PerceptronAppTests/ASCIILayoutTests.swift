import PerceptronCore
import TerminalUI
import XCTest
@testable import PerceptronApp

/// `--ascii` changes the characters, never the layout: the same boxes, closed, with their corners
/// and sides where the Unicode frame has them, and every line exactly as wide as the screen.
final class ASCIILayoutTests: XCTestCase {
    private static let corners: [UInt32] = Array("┌┐└┘┏┓┗┛".unicodeScalars.map(\.value))
    private static let verticals: [UInt32] = Array("│┃".unicodeScalars.map(\.value))
    private static let (topLeft, topRight, bottomLeft) = (
        Array("┌┏".unicodeScalars.map(\.value)), Array("┐┓".unicodeScalars.map(\.value)),
        Array("└┗".unicodeScalars.map(\.value)))
    private static let (plus, bar) = (UInt32(UInt8(ascii: "+")), UInt32(UInt8(ascii: "|")))

    /// Rows of the frame as the first scalar of each cell, one per column (a wide character's
    /// continuation is kept as its own column, so indices are screen columns).
    private func grid(_ buffer: Buffer) -> [[UInt32]] {
        (0..<buffer.height).map { y in (0..<buffer.width).map { buffer[$0, y].character.unicodeScalars.first?.value ?? 0 } }
    }

    private func checkSameLayout(_ state: AppState, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        var ascii = state
        var theme = state.theme
        theme.glyphs = .ascii
        ascii.themes = [theme]
        let unicodeFrame = view(state), asciiFrame = view(ascii)
        for (name, frame) in [("unicode", unicodeFrame), ("ascii", asciiFrame)] {
            for (y, text) in frame.lines.enumerated() where text.columnWidth != state.width {
                XCTFail("\(label) \(name): line \(y + 1) is \(text.columnWidth) columns, not \(state.width)", file: file, line: line)
            }
        }
        let u = grid(unicodeFrame), a = grid(asciiFrame)
        var problems: [String] = []
        for y in u.indices {
            for x in u[y].indices {
                if Self.corners.contains(u[y][x]), a[y][x] != Self.plus { problems.append("corner at \(x),\(y) is U+\(String(a[y][x], radix: 16))") }
            }
        }
        // Every box (found by its top-left corner in the Unicode frame) is closed in both frames.
        for y in u.indices {
            for x in u[y].indices where Self.topLeft.contains(u[y][x]) {
                guard let right = u[y][(x + 1)...].firstIndex(where: Self.topRight.contains),
                      let bottom = (y + 1..<u.count).first(where: { Self.bottomLeft.contains(u[$0][x]) }) else {
                    if !state.showHelp { problems.append("the box at \(x),\(y) has no corner to its right or below") }
                    continue
                }
                func closed(_ frame: [[UInt32]], vertical: (UInt32) -> Bool, corner: (UInt32) -> Bool) -> Bool {
                    (y + 1..<bottom).allSatisfy { vertical(frame[$0][x]) && vertical(frame[$0][right]) }
                        && corner(frame[bottom][right])
                }
                guard closed(u, vertical: Self.verticals.contains, corner: Self.corners.contains) else {
                    // Only the help overlay may cover part of a box.
                    if !state.showHelp { problems.append("the box \(x),\(y)–\(right),\(bottom) is not closed in Unicode") }
                    continue
                }
                if !closed(a, vertical: { $0 == Self.bar }, corner: { $0 == Self.plus }) {
                    problems.append("the box \(x),\(y)–\(right),\(bottom) is not closed in ASCII")
                }
            }
        }
        if !problems.isEmpty {
            XCTFail("\(label): \(problems.prefix(3).joined(separator: "; "))\n"
                    + asciiFrame.lines.joined(separator: "\n"), file: file, line: line)
        }
    }

    private func state(data: String = "notebook", step: Int) throws -> AppState {
        var state = AppState(trainer: try Trainer(dataset: Dataset.named(data)), running: false)
        state.fastForward(to: step)
        return state
    }

    func testASCIIFramesKeepTheUnicodeLayout() throws {
        // A frame takes tens of milliseconds in a debug build: a spread of cases, not all of them.
        for step in [0, 100, 5000] {
            var base = try state(step: step)
            base.selectedSample = step % 4
            base.logScale = step == 100
            for (width, height) in [(80, 24), (81, 25), (120, 40), (200, 60)] {
                for presenting in [false, true] {
                    var s = base
                    (s.width, s.height, s.presenting) = (width, height, presenting)
                    checkSameLayout(s, "step \(step) \(width)x\(height) present \(presenting)")
                }
            }
        }
        var zoomed = try state(step: 100)
        for panel in Panel.allCases {
            for (width, height, presenting) in [(80, 24, false), (133, 41, false), (80, 24, true)] {
                (zoomed.width, zoomed.height, zoomed.presenting, zoomed.zoomedPanel) = (width, height, presenting, panel)
                checkSameLayout(zoomed, "zoom \(panel) \(width)x\(height) present \(presenting)")
            }
        }
    }

    func testASCIIFramesKeepTheLayoutForOtherDataHelpAndRunning() throws {
        for data in ["and", "or", "xor", "trask"] {
            var s = try state(data: data, step: 50)
            s.running = true
            checkSameLayout(s, "\(data) running")
            s.showHelp = true
            checkSameLayout(s, "\(data) help")
        }
    }

    /// A wide character (here in a theme's name, shown as a notice) does not break a row.
    func testWideCharactersKeepEveryLineTheScreensWidth() throws {
        var s = try state(step: 10)
        s.width = 100
        s.height = 30
        s.notice = "theme 日本語のテーマ 🎨"
        checkSameLayout(s, "wide notice")
        XCTAssertTrue(view(s).plainText.contains("日本語のテーマ"))
    }

    /// Explain mode (every phase, the quiz) and the landscape keep their boxes in ASCII too.
    func testExplainAndLandscapeKeepTheLayout() throws {
        for phase in ExplainPhase.allCases {
            var s = try state(step: 3)
            s.explainPhase = phase
            checkSameLayout(s, "explain \(phase)")
        }
        var quiz = try state(step: 3)
        update(&quiz, .key(.character("Q")))
        for _ in 0..<3 { update(&quiz, .key(.character("n"))) }
        checkSameLayout(quiz, "quiz")
        var landscape = try state(step: 300)
        landscape.zoomedPanel = .landscape
        checkSameLayout(landscape, "landscape")
        landscape.landscape.slice = true
        checkSameLayout(landscape, "slice")
    }
}
