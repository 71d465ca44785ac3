import Foundation
import PerceptronCore
import TerminalUI
import XCTest
@testable import PerceptronApp

/// Golden frames of explain mode and the loss landscape (Tests/Fixtures/frames, byte for byte). To
/// accept a deliberate change, run `PERCEPTRON_RECORD_FRAMES=1 swift test --filter ExplainFrameSnapshotTests`,
/// look at the new files, and commit them.
final class ExplainFrameSnapshotTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    private func state(step: Int, width: Int, height: Int, sample: Int = 0, theme: Theme = .standard) throws -> AppState {
        var state = AppState(trainer: try Trainer(dataset: Dataset.named("notebook")), running: false, width: width, height: height)
        state.selectedSample = sample
        state.themes = [theme]
        state.fastForward(to: step)
        return state
    }

    private func theme(_ name: String) throws -> Theme {
        try ThemeCatalog(searchDirectories: [Self.root.deletingLastPathComponent().appendingPathComponent("themes").path])
            .load(name).theme
    }

    private var asciiTheme: Theme {
        var ascii = Theme.standard
        ascii.glyphs = .ascii
        return ascii
    }

    private func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.root.appendingPathComponent("Fixtures/frames/\(name)")
        if ProcessInfo.processInfo.environment["PERCEPTRON_RECORD_FRAMES"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("no golden frame \(name): record it with PERCEPTRON_RECORD_FRAMES=1", file: file, line: line)
        }
        if golden != text {
            let ours = text.split(separator: "\n", omittingEmptySubsequences: false)
            let theirs = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }
            let detail = first.map { "line \($0.offset + 1):\n  got      \($0.element.0)\n  expected \($0.element.1)" }
                ?? "line counts \(ours.count) vs \(theirs.count)"
            XCTFail("frame \(name) differs from its golden file; \(detail)", file: file, line: line)
        }
    }

    /// Each phase at 80×24 (state 0, the notebook's first step) and at 120×40 (a later step, another sample).
    func testEachPhaseAt80x24And120x40() throws {
        for phase in ExplainPhase.allCases {
            var small = try state(step: 0, width: 80, height: 24)
            small.explainPhase = phase
            try assertGolden(view(small).plainText, "explain-\(phase.rawValue)-80x24-step0.txt")
            var large = try state(step: 25, width: 120, height: 40, sample: 2)
            large.explainPhase = phase
            let text = view(large).plainText
            try assertGolden(text, "explain-\(phase.rawValue)-120x40-step25-sample3.txt")
            XCTAssertFalse(text.contains("more lines"), "120×40 shows every sample: \(phase)")
        }
    }

    /// Colours of a phase (the diagram's highlight, signs), ASCII columns, and the quiz's question.
    func testExplainStylesASCIIAndQuiz() throws {
        var coloured = try state(step: 0, width: 80, height: 24)
        coloured.explainPhase = .forward
        try assertGolden(view(coloured).styleDump, "explain-forward-80x24-step0.styles")
        coloured.explainPhase = .backward
        try assertGolden(view(coloured).styleDump, "explain-backward-80x24-step0.styles")
        for phase in ExplainPhase.allCases {
            var ascii = try state(step: 0, width: 80, height: 24, theme: asciiTheme)
            ascii.explainPhase = phase
            let text = view(ascii).plainText
            XCTAssertTrue(text.unicodeScalars.allSatisfy { $0.value == 10 || (0x20...0x7E).contains($0.value) }, text)
            try assertGolden(text, "explain-\(phase.rawValue)-80x24-step0-ascii.txt")
        }
        var quiz = try state(step: 0, width: 80, height: 24)
        update(&quiz, .key(.character("Q")))
        for _ in 0..<3 { update(&quiz, .key(.character("n"))) }
        update(&quiz, .key(.up))
        try assertGolden(view(quiz).plainText, "quiz-asking-80x24-step0.txt")
        update(&quiz, .key(.down))
        update(&quiz, .key(.enter))
        try assertGolden(view(quiz).plainText, "quiz-revealed-80x24-step0.txt")
    }

    /// The landscape in colour (styles), mono and ASCII; and the slice.
    func testLandscapeFrames() throws {
        var coloured = try state(step: 300, width: 80, height: 24)
        coloured.zoomedPanel = .landscape
        try assertGolden(view(coloured).styleDump, "landscape-80x24-step300.styles")
        var mono = try state(step: 300, width: 80, height: 24, theme: theme("mono"))
        mono.zoomedPanel = .landscape
        try assertGolden(view(mono).styleDump, "landscape-80x24-step300-mono.styles")
        var ascii = try state(step: 300, width: 80, height: 24, theme: asciiTheme)
        ascii.zoomedPanel = .landscape
        try assertGolden(view(ascii).plainText, "landscape-80x24-step300-ascii.txt")
        var slice = try state(step: 20, width: 120, height: 40)
        slice.zoomedPanel = .landscape
        slice.landscape.slice = true
        try assertGolden(view(slice).plainText, "landscape-slice-120x40-step20.txt")
        var zoomed = try state(step: 300, width: 120, height: 40)
        zoomed.zoomedPanel = .landscape
        zoomed.landscape = LandscapeSettings()
        zoomed.landscape.horizontal = 3
        zoomed.landscape.vertical = 0
        zoomed.landscape.zoom = 1
        try assertGolden(view(zoomed).plainText, "landscape-120x40-step300-b-w1-zoom1.txt")
    }

    /// A hidden layer at 80×24: the forward phase's hidden units, and the quiz over its 16
    /// parameters keeping the one being answered in view.
    func testHiddenLayerExplainAndQuizFrames() throws {
        var s = AppState(trainer: try Trainer(preset: .trask3Layer), running: false, width: 80, height: 24)
        s.fastForward(to: 100)
        s.explainPhase = .forward
        try assertGolden(view(s).plainText, "explain-forward-80x24-trask3layer-step100.txt")
        update(&s, .key(.character("Q")))
        for _ in 0..<3 { update(&s, .key(.character("n"))) }
        for _ in 0..<14 { update(&s, .key(.up)) }
        let text = view(s).plainText
        XCTAssertTrue(text.contains("▶ w2_3"), text)
        XCTAssertTrue(text.contains("lines above"), text)
        try assertGolden(text, "quiz-asking-80x24-trask3layer-step100.txt")
    }

    /// A hidden layer's diagram in each phase at 80×24: forward lights up the inputs that are not 0,
    /// the activations and the output path; loss ŷ and y; backward and update mark every edge
    /// and unit with a sign or an arrow (colours in the .styles files).
    func testHiddenLayerDiagramInEachPhase() throws {
        var s = AppState(trainer: try Trainer(preset: .trask3Layer), running: false, width: 80, height: 24)
        s.fastForward(to: 100)
        for phase in ExplainPhase.allCases {
            s.explainPhase = phase
            let name = "explain-\(phase.rawValue)-80x24-trask3layer-step100"
            if phase == .backward || phase == .update { try assertGolden(view(s).plainText, name + ".txt") }
            try assertGolden(view(s).styleDump, name + ".styles")
        }
        var ascii = s
        ascii.themes = [asciiTheme]
        ascii.explainPhase = .backward
        try assertGolden(view(ascii).plainText, "explain-backward-80x24-trask3layer-step100-ascii.txt")
    }

    /// README.md shows what `perceptron frame --explain forward` prints today.
    func testREADMEShowsTheCurrentExplainFrame() throws {
        let readme = try String(contentsOf: Self.root.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        var forward = try state(step: 0, width: 80, height: 24)
        forward.explainPhase = .forward
        XCTAssertTrue(readme.contains("```\n" + view(forward).plainText + "\n```"),
                      "update the explain frame in README.md with the output of: perceptron frame --explain forward")
    }
}
