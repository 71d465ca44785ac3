import Foundation
import PerceptronCore
import TerminalUI
import XCTest
@testable import PerceptronApp

/// Whole frames compared with golden files in Tests/Fixtures/frames. To accept a deliberate change
/// of the picture, run `PERCEPTRON_RECORD_FRAMES=1 swift test --filter FrameSnapshotTests`, look at
/// the new files, and commit them. CI never records.
final class FrameSnapshotTests: XCTestCase {
    private func frame(step: Int, width: Int, height: Int, sample: Int = 0, data: String = "notebook",
                       logScale: Bool = false, help: Bool = false, presenting: Bool = false, zoom: Panel? = nil,
                       theme: Theme = .standard, model: ModelSpec = .perceptron) throws -> Buffer {
        var state = AppState(trainer: try Trainer(dataset: Dataset.named(data), model: model), running: false,
                             width: width, height: height)
        state.selectedSample = sample
        state.logScale = logScale
        state.showHelp = help
        state.presenting = presenting
        state.zoomedPanel = zoom
        state.themes = [theme]
        state.fastForward(to: step)
        return view(state)
    }

    private func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/frames/\(name)")
        if ProcessInfo.processInfo.environment["PERCEPTRON_RECORD_FRAMES"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("no golden frame \(name): record it with PERCEPTRON_RECORD_FRAMES=1", file: file, line: line)
            return
        }
        if golden != text {
            let ours = text.split(separator: "\n", omittingEmptySubsequences: false)
            let theirs = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }
            let detail = firstDifference.map { "line \($0.offset + 1):\n  got      \($0.element.0)\n  expected \($0.element.1)" }
                ?? "line counts \(ours.count) vs \(theirs.count)"
            XCTFail("frame \(name) differs from its golden file; \(detail)", file: file, line: line)
        }
    }

    func testFramesAt80x24() throws {
        for step in [0, 1, 100, 5000] {
            try assertGolden(frame(step: step, width: 80, height: 24).plainText, "notebook-80x24-step\(step).txt")
        }
    }

    func testFramesAt120x40() throws {
        try assertGolden(frame(step: 0, width: 120, height: 40).plainText, "notebook-120x40-step0.txt")
        try assertGolden(frame(step: 300, width: 120, height: 40, sample: 2, logScale: true).plainText,
                         "notebook-120x40-step300-sample3-log.txt")
    }

    func testFramesAt200x60AndOtherData() throws {
        try assertGolden(frame(step: 1000, width: 200, height: 60).plainText, "notebook-200x60-step1000.txt")
        try assertGolden(frame(step: 50, width: 80, height: 24, data: "and").plainText, "and-80x24-step50.txt")
        try assertGolden(frame(step: 20, width: 80, height: 24, help: true).plainText, "notebook-80x24-help.txt")
        try assertGolden(frame(step: 0, width: 60, height: 20).plainText, "too-small-60x20.txt")
    }

    /// The "too small" message at sizes where its full wording no longer fits on a line.
    func testTooSmallFramesWrapToTheWidth() throws {
        for (width, height) in [(46, 24), (30, 10), (20, 5)] {
            try assertGolden(frame(step: 0, width: width, height: height).plainText, "too-small-\(width)x\(height).txt")
        }
    }

    /// Styles too: which cells are which colour and attribute.
    func testStylesAt80x24() throws {
        try assertGolden(frame(step: 10, width: 80, height: 24).styleDump, "notebook-80x24-step10.styles")
    }

    /// The numbers on screen are `train`'s numbers, rounded: state 0's loss and first prediction.
    func testFrameShowsTheNotebooksNumbers() throws {
        let text = try frame(step: 0, width: 80, height: 24).plainText
        XCTAssertTrue(text.contains("ŷ 0.6084"), text)
        XCTAssertTrue(text.contains("Loss 0.82232258"), text)
        // Negative weights are dashed, positive solid: colour is never the only cue.
        XCTAssertTrue(text.contains("╌ −0.166 ╌"), text)
        XCTAssertTrue(text.contains("─ +0.441 ─"), text)
    }

    func testProjectionModeAndZoomFrames() throws {
        try assertGolden(frame(step: 100, width: 80, height: 24, presenting: true).plainText, "present-80x24-step100.txt")
        try assertGolden(frame(step: 100, width: 120, height: 40, presenting: true).plainText, "present-120x40-step100.txt")
        try assertGolden(frame(step: 100, width: 80, height: 24, zoom: .weights).plainText, "zoom2-80x24-step100.txt")
        try assertGolden(frame(step: 100, width: 80, height: 24, zoom: .sigmoid).plainText, "zoom3-80x24-step100.txt")
    }

    /// `--ascii`: not one character outside printable ASCII, in any layout.
    func testASCIIFramesAreASCII() throws {
        var ascii = Theme.standard
        ascii.glyphs = .ascii
        for (presenting, zoom, help) in [(false, nil, false), (true, nil, false), (false, Panel.diagram, false),
                                         (false, nil, true), (false, Panel.predictions, false)] {
            let text = try frame(step: 100, width: 100, height: 30, help: help, presenting: presenting, zoom: zoom,
                                 theme: ascii).plainText
            let foreign = text.unicodeScalars.filter { !($0.value == 10 || (0x20...0x7E).contains($0.value)) }
            XCTAssertTrue(foreign.isEmpty, "non-ASCII \(String(String.UnicodeScalarView(foreign))) in\n\(text)")
        }
        try assertGolden(frame(step: 100, width: 80, height: 24, theme: ascii).plainText, "ascii-80x24-step100.txt")
    }

    /// One golden frame per shipped theme, styles included (the `frame --color` picture as data).
    func testEveryShippedThemeFrame() throws {
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
        let catalog = ThemeCatalog(searchDirectories: [themes])
        for name in ["default", "projector", "high-contrast", "greyscale", "mono"] {
            let theme = try catalog.load(name).theme
            try assertGolden(frame(step: 10, width: 80, height: 24, theme: theme).styleDump, "theme-\(name)-80x24-step10.styles")
        }
    }

    /// A hidden layer: `--data xor --hidden 4` at both sizes (styles too), 8 and 16 units, Trask's 3-layer preset,
    /// the weights zoomed.
    func testHiddenLayerFrames() throws {
        let hidden = ModelSpec(hiddenUnits: 4)
        try assertGolden(frame(step: 3000, width: 80, height: 24, data: "xor", model: hidden).plainText,
                         "xor-hidden4-80x24-step3000.txt")
        try assertGolden(frame(step: 3000, width: 80, height: 24, data: "xor", model: hidden).styleDump,
                         "xor-hidden4-80x24-step3000.styles")
        try assertGolden(frame(step: 3000, width: 120, height: 40, sample: 1, data: "xor", model: hidden).plainText,
                         "xor-hidden4-120x40-step3000-sample2.txt")
        try assertGolden(frame(step: 1000, width: 120, height: 40, data: "xor", model: ModelSpec(hiddenUnits: 8)).plainText,
                         "xor-hidden8-120x40-step1000.txt")
        // 16 hidden units at 80×24: the rows that do not fit as one bundle, the output layer in columns.
        try assertGolden(frame(step: 500, width: 80, height: 24, data: "xor", model: ModelSpec(hiddenUnits: 16)).plainText,
                         "xor-hidden16-80x24-step500.txt")
        let trask = Preset.trask3Layer
        try assertGolden(frame(step: 1000, width: 80, height: 24, data: trask.datasetName, model: trask.model).plainText,
                         "trask-3layer-80x24-step1000.txt")
        try assertGolden(frame(step: 1000, width: 80, height: 24, data: "xor", zoom: .weights, model: hidden).plainText,
                         "xor-hidden4-80x24-step1000-zoom2.txt")
    }

    /// The decision boundary alone (`frame --panel boundary`): colour as styles, mono and ASCII as text.
    func testBoundaryPanelFrames() throws {
        func panel(_ data: String, step: Int, theme: Theme, sample: Int = 0) throws -> Buffer {
            var state = AppState(trainer: try Trainer(dataset: Dataset.named(data)), running: false, width: 48, height: 16)
            state.themes = [theme]
            state.selectedSample = sample
            state.fastForward(to: step)
            return view(state, panel: .boundary)
        }
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
        let mono = try ThemeCatalog(searchDirectories: [themes]).load("mono").theme
        var ascii = Theme.standard
        ascii.glyphs = .ascii
        try assertGolden(panel("notebook", step: 300, theme: .standard).styleDump, "boundary-notebook-48x16-step300.styles")
        try assertGolden(panel("or", step: 300, theme: mono).styleDump, "boundary-or-48x16-step300-mono.styles")
        try assertGolden(panel("notebook", step: 300, theme: ascii, sample: 2).plainText,
                         "boundary-notebook-48x16-step300-sample3-ascii.txt")
    }

    /// Twelve inputs: eight edges where there is room, the rest in a labelled bundle.
    func testManyInputsFrame() throws {
        let rows = (0..<5).map { i in (0..<12).map { Double(($0 + i) % 3) } }
        let wide = Dataset(name: "wide", summary: "12 inputs", rows: rows, targets: [0, 1, 1, 0, 1])
        for (width, height) in [(80, 24), (120, 40)] {
            var state = AppState(trainer: try Trainer(dataset: wide), running: false, width: width, height: height)
            state.fastForward(to: 30)
            try assertGolden(view(state).plainText, "inputs12-\(width)x\(height)-step30.txt")
        }
    }

    /// The boundary figure in README.md is what its `perceptron frame --panel boundary` command prints today.
    func testREADMEShowsTheCurrentBoundaryFigure() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let mono = try ThemeCatalog(searchDirectories: [root.appendingPathComponent("themes").path]).load("mono").theme
        var state = AppState(trainer: try Trainer(dataset: Dataset.named("xor"), model: ModelSpec(hiddenUnits: 4)),
                             running: false, width: 44, height: 13)
        state.themes = [mono]
        state.fastForward(to: 3000)
        let expected = view(state, panel: .boundary).plainText
        XCTAssertTrue(readme.contains("```\n" + expected + "\n```"),
                      "update the boundary figure in README.md with the output of: perceptron frame --data xor "
                      + "--hidden 4 --step 3000 --panel boundary --size 44x13 --theme mono")
    }

    /// The picture in README.md is what `perceptron frame --step 100` prints today.
    func testREADMEShowsTheCurrentFrame() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let expected = try frame(step: 100, width: 80, height: 24).plainText
        XCTAssertTrue(readme.contains("```\n" + expected + "\n```"),
                      "update the frame in README.md with the output of: perceptron frame --step 100")
    }

    // MARK: Time travel

    /// The timeline (a bookmark, an α change, the state on screen in the middle of the run) and
    /// the whole-run plot with that state marked, at 80×24 and 120×40; the recent window for comparison.
    func testTimelineAndWholeRunFrames() throws {
        func keys(_ keys: [Key], _ state: inout AppState) { for key in keys { update(&state, .key(key)) } }
        func goTo(_ step: Int) -> [Key] { [.character("g")] + String(step).map { .character($0) } + [.enter] }
        for (width, height) in [(80, 24), (120, 40)] {
            var state = AppState(trainer: try Trainer(dataset: Dataset.named("notebook")), running: false,
                                 width: width, height: height)
            keys(goTo(50) + [.character("m")] + goTo(120) + [.character("]")] + goTo(400) + goTo(200), &state)
            XCTAssertEqual(state.step, 200)
            XCTAssertEqual(state.history.end, 400)
            try assertGolden(view(state).plainText, "timeline-\(width)x\(height)-step200-of400.txt")
            if width == 80 {
                try assertGolden(view(state).styleDump, "timeline-80x24-step200-of400.styles")
                keys([.character("v")], &state)
                try assertGolden(view(state).plainText, "recent-80x24-step200-of400.txt")
                keys([.character("v"), .character("l"), .character("g"), .character("3"), .character("k")], &state)
                try assertGolden(view(state).plainText, "goto-prompt-80x24-log.txt")
            }
        }
    }

    /// After convergence the recent window spans a sliver of loss; its three labels still read
    /// three different values (once they all read "4.5e-5"), linear and on the log scale.
    func testConvergedRecentLossLabelsAreDistinct() throws {
        var state = AppState(trainer: try Trainer(dataset: Dataset.named("notebook")), running: false, width: 80, height: 24)
        state.showWholeRun = false
        state.fastForward(to: 100_000)
        try assertGolden(view(state).plainText, "recent-converged-80x24-step100000.txt")
        // One kernel set on every CPU (both give this frame today; a hundred thousand steps could amplify a difference).
        var network = AppState(trainer: try Trainer(dataset: Dataset.named("xor"), model: ModelSpec(hiddenUnits: 4),
                                                    kernels: .skylakeX),
                               running: false, width: 80, height: 24)
        network.showWholeRun = false
        network.logScale = true
        network.fastForward(to: 100_000)
        try assertGolden(view(network).plainText, "recent-converged-xor-h4-80x24-step100000-log.txt")
    }

    /// `frame --step 5000` plots the whole run: its y axis starts at state 0's loss, 0.8223.
    func testTheLossPlotStartsAtStateZero() throws {
        let text = try frame(step: 5000, width: 80, height: 24).plainText
        XCTAssertTrue(text.contains("0.8223┤"), text)
        XCTAssertTrue(text.contains("step 5,000│"), text)
        var recent = AppState(trainer: try Trainer(dataset: Dataset.named("notebook")), running: false)
        recent.showWholeRun = false
        recent.fastForward(to: 5000)
        XCTAssertFalse(view(recent).plainText.contains("0.8223┤"), "the recent window does not reach state 0")
    }

    /// A spike in the middle of a long run survives the downsampling to the plot's width.
    func testWholeRunPlotKeepsASpike() throws {
        var state = AppState(trainer: try Trainer(dataset: Dataset.named("notebook")), running: false, width: 80, height: 24)
        state.fastForward(to: 3000)
        update(&state, .key(.character("e")))
        update(&state, .key(.tab))
        for c in "5" { update(&state, .key(.character(c))) }
        update(&state, .key(.enter))
        state.fastForward(to: 6000)
        try assertGolden(view(state).plainText, "whole-run-spike-80x24-step6000.txt")
    }

    /// README.md's table of keys is the key table's: one declaration for update, help and docs.
    func testREADMEListsTheKeyTable() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        if ProcessInfo.processInfo.environment["PERCEPTRON_PRINT_KEY_TABLE"] == "1" { print(KeyMap.markdownTable) }
        XCTAssertTrue(readme.contains(KeyMap.markdownTable + "\n"),
                      "update the key table in README.md (PERCEPTRON_PRINT_KEY_TABLE=1 prints it)")
    }

    /// README.md's table of the mouse is the mouse table the help overlay reads, row for row.
    func testREADMEListsTheMouseTable() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        if ProcessInfo.processInfo.environment["PERCEPTRON_PRINT_KEY_TABLE"] == "1" { print(KeyMap.mouseMarkdownTable) }
        XCTAssertTrue(readme.contains("\n" + KeyMap.mouseMarkdownTable + "\n"),
                      "update the mouse table in README.md (PERCEPTRON_PRINT_KEY_TABLE=1 prints it)")
    }
}
