import Foundation
import PerceptronCore
import TerminalUI
import TestSupport
import XCTest
@testable import PerceptronApp

/// Tables from files on screen: a teacher's six named rows at 80×24, and 10,000 rows of 8 inputs
/// with every panel present. Golden files in Tests/Fixtures/frames, recorded like the others
/// (`PERCEPTRON_RECORD_FRAMES=1 swift test --filter FrameSnapshot`).
final class DataFrameSnapshotTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func exam() throws -> Dataset {
        try DataFile.load(path: Self.root.appendingPathComponent("examples/exam.csv").path)
    }

    /// 10,000 rows, 8 real-valued inputs: scripts/make_data.py --rows 10000 --inputs 8 --seed 23.
    private static let large: Dataset = {
        let text = GeneratedTable.csv(rows: 10_000, inputs: 8, seed: 23)
        return (try? DataFile.parse(text, path: "real-10000x8.csv")) ?? Dataset.builtIn[0]
    }()

    private func state(_ dataset: Dataset, step: Int, width: Int, height: Int, sample: Int = 0,
                       learningRate: Double = 0.1) throws -> AppState {
        var state = AppState(trainer: try Trainer(dataset: dataset, learningRate: learningRate), running: false,
                             width: width, height: height)
        state.selectedSample = sample
        state.fastForward(to: step)
        return state
    }

    private func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.root.appendingPathComponent("Tests/Fixtures/frames/\(name)")
        if ProcessInfo.processInfo.environment["PERCEPTRON_RECORD_FRAMES"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try? String(contentsOf: url, encoding: .utf8)
        XCTAssertNotNil(golden, "no golden frame \(name): record it with PERCEPTRON_RECORD_FRAMES=1", file: file, line: line)
        if let golden, golden != text {
            let first = zip(text.split(separator: "\n"), golden.split(separator: "\n")).enumerated().first { $0.element.0 != $0.element.1 }
            XCTFail("frame \(name) differs; line \((first?.offset ?? -1) + 1):\n  got      \(first?.element.0 ?? "")\n"
                + "  expected \(first?.element.1 ?? "")", file: file, line: line)
        }
    }

    func testTeachersTableAt80x24() throws {
        let frame = view(try state(exam(), step: 30, width: 80, height: 24, sample: 2))
        try assertGolden(frame.plainText, "exam-80x24-step30-sample3.txt")
        // Every row, under the file's own column names.
        XCTAssertTrue(frame.plainText.contains("studied   slept lecture  passed"), frame.plainText)
        for row in 1...6 { XCTAssertTrue(frame.lines.contains { $0.hasPrefix("│   \(row)") || $0.hasPrefix("│▶  \(row)") }) }
    }

    func testTenThousandRowsWithEveryPanel() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            let frame = view(try state(Self.large, step: 20, width: width, height: height, sample: 4_999))
            try assertGolden(frame.plainText, "real-10000x8-\(width)x\(height)-step20-sample5000.txt")
            let text = frame.plainText
            for title in ["Perceptron", "Weights", "Sigmoid", "Boundary", "Loss", "Predictions"] {
                XCTAssertTrue(text.contains("┌ " + title), "\(title) missing at \(width)x\(height)")
            }
            XCTAssertTrue(text.contains("▶ 5000"), "the selected sample is in view")
            XCTAssertTrue(text.contains("accuracy "), "the summary line")
        }
    }

    /// The predictions never take more than their share, however many samples: the plots stay.
    func testPredictionsPanelKeepsToItsShare() throws {
        for m in [4, 6, 7, 200, 10_000] {
            for height in [23, 39, 59] {
                let rows = PredictionsPanel.height(samples: m, available: height)
                XCTAssertLessThanOrEqual(rows, max(9, height * 2 / 5), "m \(m), height \(height)")
                XCTAssertEqual(rows, min(m + 3, max(9, height * 2 / 5)))
            }
        }
        // Up to six samples fit whole at 80×24, as the built-in tables always did.
        XCTAssertEqual(PredictionsPanel.height(samples: 6, available: 23), 9)
        XCTAssertEqual(PredictionsPanel.height(samples: 4, available: 23), 7)
    }

    func testTableScrollsToKeepTheSelectedSampleInView() throws {
        XCTAssertEqual(PredictionsPanel.firstVisible(selected: 0, visible: 5, count: 200), 0)
        XCTAssertEqual(PredictionsPanel.firstVisible(selected: 100, visible: 5, count: 200), 98)
        XCTAssertEqual(PredictionsPanel.firstVisible(selected: 199, visible: 5, count: 200), 195)
        XCTAssertEqual(PredictionsPanel.firstVisible(selected: 3, visible: 5, count: 4), 0)

        var state = try state(Self.large, step: 0, width: 80, height: 24)
        for _ in 0..<12 { update(&state, .key(.down)) }
        XCTAssertEqual(state.selectedSample, 12)
        var text = view(state).plainText
        XCTAssertTrue(text.contains("Predictions 11–15 of 10,000"), text)
        XCTAssertTrue(text.contains("▶   13 "), text)
        update(&state, .key(.up))
        for _ in 0..<12 { update(&state, .key(.up)) }
        XCTAssertEqual(state.selectedSample, 9_999, "↑ from the first wraps to the last")
        text = view(state).plainText
        XCTAssertTrue(text.contains("Predictions 9,996–10,000 of 10,000"), text)
        XCTAssertTrue(text.contains("▶10000 "), text)
    }

    func testSummaryCountsAndRanksTheWorst() {
        let summary = Summary(targets: [0, 1, 1, 0, 1], predictions: [0.2, 0.4, 0.9, 0.7, 0.6],
                              sampleLosses: [0.2, 0.9, 0.1, 1.2, .nan], worstCount: 3)
        XCTAssertEqual(summary.right, 3)
        XCTAssertEqual(summary.worst, [4, 3, 1], "NaN first, then the largest losses")
    }

    /// Squared error's terms are (y − A)², not log-likelihoods: the table shows ½·(y − A)², never a
    /// negative number, and its worst samples are the ones furthest from their target.
    func testSquaredErrorShowsEachSamplesOwnLossAndRanksTheWorstByIt() throws {
        var trainer = try Trainer(preset: .trask2Layer)
        trainer.advance(by: 50)
        let trace = trainer.trace()
        for i in trace.predictions.indices {
            let error = trainer.dataset.targets[i] - trace.predictions[i]
            XCTAssertEqual(trace.sampleLosses[i], 0.5 * (error * error), accuracy: 1e-15)
        }
        XCTAssertEqual(trace.sampleLosses.reduce(0, +), trace.loss, accuracy: 1e-12)
        // A run starts at state 0 (every state is a replay of it): the screen trains to step 50 itself.
        var state = AppState(trainer: try Trainer(preset: .trask2Layer), running: false, width: 80, height: 24)
        state.fastForward(to: 50)
        state.zoomedPanel = .predictions
        let text = view(state).plainText
        for i in trace.predictions.indices {
            XCTAssertTrue(text.contains(DisplayFormat.plain(trace.sampleLosses[i], width: 8)), "sample \(i + 1)\n" + text)
        }
        let summary = Summary(targets: trainer.dataset.targets, predictions: trace.predictions,
                              sampleLosses: trace.sampleLosses, worstCount: 1)
        let worst = trace.sampleLosses.indices.max { trace.sampleLosses[$0] < trace.sampleLosses[$1] }
        XCTAssertEqual(summary.worst, [worst!])
    }

    /// Many samples: a density per class along the curve instead of one mark each; few: marks.
    func testSigmoidDrawsADensityForManySamples() throws {
        let many = view(try state(Self.large, step: 20, width: 120, height: 40)).plainText
        XCTAssertTrue(many.contains("Sigmoid σ(z) · ░▒▓█ samples"), many)
        XCTAssertTrue(many.contains("█"), "the densest column is a full block")
        let few = view(try state(exam(), step: 20, width: 80, height: 24)).plainText
        XCTAssertFalse(few.contains("░▒▓█"))
    }

    /// A large table makes as many steps per frame as keep 30 frames a second, not a second's worth.
    func testStepsPerTickAreCappedForLargeTables() throws {
        var large = try state(Self.large, step: 0, width: 80, height: 24)
        large.speedIndex = Ladder.speeds.count - 1
        large.running = true
        XCTAssertEqual(large.maxStepsPerTick, 5_000_000 / (10_000 * 12))
        update(&large, .tick(seconds: 1))
        XCTAssertEqual(large.step, large.maxStepsPerTick)
        update(&large, .tick(seconds: 1.0 / 30))
        XCTAssertEqual(large.step, 2 * large.maxStepsPerTick, "the debt was dropped, not carried")

        var notebook = AppState(trainer: try Trainer(dataset: Dataset.named("notebook")), running: true,
                                speedIndex: Ladder.speeds.count - 1)
        update(&notebook, .tick(seconds: 1.0 / 30))
        XCTAssertEqual(notebook.step, Ladder.speeds.last! / 30, "the built-in tables are never held back")
    }

    /// The boundary over two columns chosen by name, the title naming them; with 2,000 samples
    /// (scripts/make_data.py --rows 2000 --inputs 3 --seed 31) one mark per cell by class.
    func testBoundaryOverNamedColumnsAndManySamples() throws {
        var ascii = Theme.standard
        ascii.glyphs = .ascii
        func panelState(_ dataset: Dataset, axes: String, step: Int, sample: Int) throws -> AppState {
            var state = try state(dataset, step: step, width: 60, height: 16, sample: sample)
            state.themes = [ascii]
            state.boundaryAxes = try XCTUnwrap(AxisPair.parse(axes, dataset: dataset))
            return state
        }
        func panel(_ dataset: Dataset, axes: String, step: Int, sample: Int) throws -> Buffer {
            view(try panelState(dataset, axes: axes, step: step, sample: sample), panel: .boundary)
        }
        let exam = try exam()
        XCTAssertEqual(AxisPair.parse("studied,slept", dataset: exam), AxisPair(horizontal: 0, vertical: 1))
        XCTAssertEqual(AxisPair.parse("lecture,1", dataset: exam), AxisPair(horizontal: 2, vertical: 0))
        XCTAssertEqual(AxisPair.parse("x3,slept", dataset: exam), AxisPair(horizontal: 2, vertical: 1))
        for bad in ["studied,studied", "Studied,slept", "studied", "studied,slept,lecture", "0,1", "4,1", "passed,slept", ","] {
            XCTAssertNil(AxisPair.parse(bad, dataset: exam), bad)
        }
        let few = try panel(exam, axes: "slept,lecture", step: 30, sample: 2).plainText
        try assertGolden(few, "boundary-exam-60x16-step30-sample3-slept-lecture-ascii.txt")
        XCTAssertTrue(few.hasPrefix("+ Boundary slept-> lecture^ | studied=3"), few)
        XCTAssertTrue(few.contains(" slept "), "the horizontal axis is named on the frame")

        let text = GeneratedTable.csv(rows: 2_000, inputs: 3, seed: 31)
        let large = try DataFile.parse(text, path: "real-2000x3.csv")
        let many = try panel(large, axes: "c3,c1", step: 20, sample: 10).plainText
        try assertGolden(many, "boundary-real-2000x3-60x16-step20-sample11-c3-c1-ascii.txt")
        XCTAssertTrue(many.hasPrefix("+ Decision boundary | c3-> c1^ | c2=1.644 (sample 11)"), many)
        let area = BoundaryPanel.plotArea(try panelState(large, axes: "c3,c1", step: 20, sample: 10),
                                          area: Rect(x: 0, y: 0, width: 60, height: 16))
        let plot = many.split(separator: "\n").dropFirst().dropLast().map { String(Array($0)[area.x..<area.maxX]) }
        XCTAssertTrue(plot.contains { $0.contains("x") }, "cells where both classes fall are marked as mixed")
        XCTAssertTrue(plot.contains { $0.contains("0") } && plot.contains { $0.contains("1") }, "cells of one class show it")
        // No label clears its neighbours: the shading between marks stays.
        XCTAssertFalse(plot.contains { $0.contains("  ") }, many)
    }
}
