import PerceptronCore
import TerminalUI
import XCTest
@testable import PerceptronApp

/// Explain mode, the quiz and the landscape's keys, through `update` as the keyboard drives them.
final class ExplainModeTests: XCTestCase {
    private func state(_ data: String = "notebook") throws -> AppState {
        AppState(trainer: try Trainer(dataset: Dataset.named(data)), running: false, entropy: 7)
    }

    private func press(_ key: Key, _ state: inout AppState, times: Int = 1) {
        for _ in 0..<times { update(&state, .key(key)) }
    }

    func testFourPressesOfNAreExactlyOneStep() throws {
        var s = try state()
        press(.character("x"), &s)
        XCTAssertEqual(s.explainPhase, .forward)
        press(.character("n"), &s)
        XCTAssertEqual(s.explainPhase, .loss)
        press(.right, &s)
        XCTAssertEqual(s.explainPhase, .backward)
        press(.left, &s)
        XCTAssertEqual(s.explainPhase, .loss, "← goes back one phase")
        press(.character("n"), &s, times: 2)
        XCTAssertEqual(s.explainPhase, .update)
        XCTAssertEqual(s.step, 0, "the update is shown before it is made")
        press(.character("n"), &s)
        XCTAssertEqual(s.step, 1)
        XCTAssertEqual(s.explainPhase, .forward)
        var trainer = try Trainer(dataset: Dataset.named("notebook"))
        trainer.advance()
        XCTAssertEqual(s.trainer.parameters, trainer.parameters)
        press(.character("n"), &s, times: 8)
        XCTAssertEqual(s.step, 3)
        press(.character("n"), &s, times: 2)
        press(.left, &s, times: 2)
        XCTAssertEqual(s.explainPhase, .forward)
        XCTAssertEqual(s.step, 3, "← walks back through the phases of the step first")
        press(.character("x"), &s)
        XCTAssertNil(s.explainPhase)
        press(.character("n"), &s)
        XCTAssertEqual(s.step, 4, "outside explain mode n is a whole step again")
    }

    func testLeftAtTheForwardPhaseGoesBackToThePreviousStepsUpdate() throws {
        var s = try state()
        press(.character("x"), &s)
        press(.left, &s)
        XCTAssertEqual(s.step, 0, "at state 0 there is no earlier step")
        XCTAssertEqual(s.explainPhase, .forward)
        press(.character("n"), &s, times: 8)
        XCTAssertEqual(s.step, 2)
        press(.character(" "), &s)
        XCTAssertTrue(s.running)
        press(.left, &s)
        XCTAssertFalse(s.running, "stepping back pauses, as b does")
        XCTAssertEqual(s.step, 1)
        XCTAssertEqual(s.explainPhase, .update)
        var trainer = try Trainer(dataset: Dataset.named("notebook"))
        trainer.advance()
        XCTAssertEqual(s.trainer.parameters, trainer.parameters, "the state shown is state 1 again")
        XCTAssertTrue(view(s).plainText.contains("Explain step 1 → 2"))
        press(.character("n"), &s)
        XCTAssertEqual(s.step, 2, "the update, made again, comes back to the same step")
        XCTAssertEqual(s.explainPhase, .forward)
        press(.left, &s, times: 9)
        XCTAssertEqual(s.step, 0)
        XCTAssertEqual(s.explainPhase, .forward, "back through two whole steps, then it stays")
    }

    /// The marks on one hidden unit's row of the network diagram, left to right up to the bus:
    /// the signs and arrows explain mode writes on the edges and on the unit.
    private func marks(_ buffer: Buffer, unit r: Int) -> [Character]? {
        let name = "h" + DisplayFormat.subscriptDigits(r + 1)
        guard let y = (0..<buffer.height).first(where: { buffer.lines[$0].hasPrefix("│ \(name) ") }) else { return nil }
        var found: [Character] = []
        for x in 2..<buffer.width {
            let c = buffer[x, y].character
            if "╮┤┼╯┬┴".contains(c) { break }
            if "+−↑↓·".contains(c) { found.append(c) }
        }
        return found
    }

    func testTheNetworkDiagramHighlightFollowsThePhase() throws {
        func sign(_ v: Double) -> Character { v > 0 ? "+" : v < 0 ? "−" : "·" }
        func arrow(_ v: Double) -> Character { v > 0 ? "↑" : v < 0 ? "↓" : "·" }
        var s = AppState(trainer: try Trainer(preset: .trask3Layer), running: false, width: 80, height: 24)
        for (step, sample) in [(0, 0), (100, 2), (100, 3)] {
            s.explainPhase = nil
            s.fastForward(to: step)
            s.selectedSample = sample
            let trace = s.trainer.trace()
            let hidden = trace.layers[0], output = trace.layers[1], h = hidden.layer.unitCount
            press(.character("x"), &s)
            for phase in ExplainPhase.allCases {
                XCTAssertEqual(s.explainPhase, phase)
                let buffer = view(s)
                for r in 0..<h {
                    let expected: [Character]
                    switch phase {
                    case .forward, .loss: expected = []
                    case .backward:
                        // Each edge's ∂L/∂w, then the unit's dz1 for the selected sample, then its output edge's.
                        expected = (0..<3).map { sign(hidden.weightGradient[$0 * h + r]) }
                            + [sign(hidden.dz[sample * h + r]), sign(output.weightGradient[r])]
                    case .update:
                        expected = (0..<3).map { arrow(hidden.after.weights[$0 * h + r] - hidden.layer.weights[$0 * h + r]) }
                            + [arrow(output.after.weights[r] - output.layer.weights[r])]
                    }
                    XCTAssertEqual(marks(buffer, unit: r), expected, "unit \(r + 1), \(phase), state \(step), sample \(sample + 1)")
                }
                // Forward: the activations the sum flows through stand out; afterwards they are plain again.
                let y = try XCTUnwrap((0..<buffer.height).first { buffer.lines[$0].hasPrefix("│ h₁ ") })
                let x = try XCTUnwrap(Array(buffer.lines[y]).firstIndex(of: "▶")) + 2
                XCTAssertEqual(buffer[x, y].style == s.theme.style(.highlight), phase == .forward, "\(phase)")
                if phase != .update { press(.character("n"), &s) }
            }
        }
        // While the quiz asks which way the weights move, the diagram keeps the answers to itself.
        s.explainPhase = nil
        press(.character("x"), &s)
        press(.character("Q"), &s)
        press(.character("n"), &s, times: 3)
        XCTAssertTrue(s.quizIsAsking)
        XCTAssertEqual(marks(view(s), unit: 0), [])
        press(.enter, &s)
        XCTAssertEqual(marks(view(s), unit: 0)?.count, 4, "revealed, the update's arrows show")
    }

    func testQuizScoresEachAnswerAgainstTheEngine() throws {
        var s = try state()
        press(.character("Q"), &s)
        XCTAssertEqual(s.explainPhase, .forward, "the quiz starts explain mode")
        press(.character("n"), &s, times: 3)
        XCTAssertTrue(s.quizIsAsking)
        // The engine's first step: w₁ up, w₂ down, w₃ up, b up (train's states 0 and 1).
        var trainer = try Trainer(dataset: Dataset.named("notebook"))
        let before = trainer.parameters
        trainer.advance()
        let truth = zip(before, trainer.parameters).map { $1 > $0 }
        XCTAssertEqual(truth, [true, false, true, true])
        // Three right, the last one wrong; then Enter.
        press(.up, &s)
        press(.character("-"), &s)
        press(.character("+"), &s)
        press(.down, &s)
        XCTAssertEqual(s.quiz?.answers, [.up, .down, .up, .down])
        XCTAssertEqual(s.selectedSample, 0, "while asking, ↑/↓ answer instead of choosing a sample")
        XCTAssertEqual(s.speedIndex, Ladder.defaultSpeedIndex, "while asking, +/- answer instead of changing speed")
        press(.enter, &s)
        XCTAssertFalse(s.quizIsAsking)
        XCTAssertEqual(s.quiz?.right, 3)
        XCTAssertEqual(s.quiz?.answered, 4)
        XCTAssertEqual(s.step, 0, "revealing does not step")
        press(.character("n"), &s)
        XCTAssertEqual(s.step, 1)
        // The next step's question: all four right this time, the score runs on.
        press(.character("n"), &s, times: 3)
        var next = trainer
        next.advance()
        for (old, new) in zip(trainer.parameters, next.parameters) { press(new > old ? .up : .down, &s) }
        press(.character("n"), &s)  // n reveals too
        XCTAssertEqual(s.quiz?.right, 7)
        XCTAssertEqual(s.quiz?.answered, 8)
        press(.character("Q"), &s)
        XCTAssertNil(s.quiz)
    }

    func testQuizAnswersCanBeChangedAndUnansweredAreNotScored() throws {
        var s = try state()
        press(.character("Q"), &s)
        press(.character("n"), &s, times: 3)
        press(.down, &s)
        press(.backspace, &s)
        press(.up, &s)  // w₁ changed to up: right
        press(.enter, &s)
        XCTAssertEqual(s.quiz?.right, 1)
        XCTAssertEqual(s.quiz?.answered, 1)
        let text = view(s).plainText
        XCTAssertTrue(text.contains("you ↑ ✓ right"), text)
        XCTAssertTrue(text.contains("(no answer)"), text)
        XCTAssertTrue(text.contains("quiz 1/1"), text)
    }

    func testTheExplainFrameFollowsThePhaseAndTheRun() throws {
        var s = try state()
        press(.character("x"), &s)
        XCTAssertTrue(view(s).plainText.contains("0·(−0.166) + 1·(+0.441) + 0·(−1.000) + 0 = 0.441"))
        press(.character("n"), &s, times: 3)
        XCTAssertTrue(view(s).plainText.contains("w₁ ← −0.166 − 1·(−0.304) = +0.138"))
        press(.character(" "), &s)
        update(&s, .tick(seconds: 0.5))
        XCTAssertGreaterThan(s.step, 0)
        XCTAssertEqual(s.explainPhase, .update, "space runs as usual; the panel stays on its phase")
        XCTAssertTrue(view(s).plainText.contains("Explain step \(s.step) → \(s.step + 1)"))
    }

    func testLandscapeKeysChooseAxesZoomAndSlice() throws {
        var s = try state()
        s.fastForward(to: 30)
        let trace = s.trainer.trace()
        let gradients = trace.weightGradient + [trace.biasGradient]
        let ranked = gradients.indices.sorted { abs(gradients[$0]) > abs(gradients[$1]) }
        XCTAssertEqual(s.landscape.axes(gradients: gradients).0, ranked[0])
        XCTAssertEqual(s.landscape.axes(gradients: gradients).1, ranked[1])
        press(.character("a"), &s)
        XCTAssertNil(s.landscape.horizontal, "a is the boundary's key unless the landscape is shown")
        XCTAssertEqual(s.boundaryAxes, AxisPair(horizontal: 0, vertical: 2))
        press(.character("7"), &s)
        XCTAssertEqual(s.zoomedPanel, .landscape)
        press(.character("a"), &s)
        let (u, v) = s.landscape.axes(gradients: gradients)
        XCTAssertNotEqual(u, ranked[0])
        XCTAssertEqual(v, ranked[1])
        XCTAssertNotEqual(u, v)
        for _ in 0..<10 {
            press(.character("A"), &s)
            let axes = s.landscape.axes(gradients: gradients)
            XCTAssertNotEqual(axes.0, axes.1, "the two axes are never the same parameter")
        }
        press(.character("z"), &s, times: 2)
        XCTAssertEqual(s.landscape.zoom, 2)
        press(.character("Z"), &s, times: 20)
        XCTAssertEqual(s.landscape.zoom, LandscapeSettings.zoomRange.lowerBound)
        press(.character("c"), &s)
        XCTAssertTrue(s.landscape.slice)
        XCTAssertEqual(s.boundaryAxes, AxisPair(horizontal: 0, vertical: 2), "the boundary's axes stay")
        press(.character("0"), &s)
        XCTAssertEqual(s.landscape, LandscapeSettings())
        press(.character("7"), &s)
        XCTAssertNil(s.zoomedPanel)
    }

    /// The landscape's loss is the model's loss: at the current point it is `loss()` (up to the
    /// last bits of log), and along the run's path it falls to the current point.
    func testLandscapeIsTheModelsLossAndThePathDescends() throws {
        var s = try state()
        s.fastForward(to: 300)
        let landscape = LossLandscape(trainer: s.trainer, axes: (0, 1))
        let p = s.trainer.parameters
        XCTAssertEqual(landscape.loss(p[0], p[1]), s.trainer.loss(), accuracy: 1e-12)
        var moved = s.trainer
        moved.setParameter(0, to: p[0] + 0.5)
        moved.setParameter(1, to: p[1] - 0.25)
        XCTAssertEqual(landscape.loss(p[0] + 0.5, p[1] - 0.25), moved.loss(), accuracy: 1e-12)
        // A hidden layer with squared error too: its own loss at its own point.
        var network = try Trainer(preset: .trask3Layer)
        network.advance(by: 100)
        let q = network.parameters
        XCTAssertEqual(LossLandscape(trainer: network, axes: (2, 14)).loss(q[2], q[14]), network.loss(), accuracy: 1e-12)
        var edited = network
        edited.setParameter(2, to: q[2] + 1)
        XCTAssertEqual(LossLandscape(trainer: network, axes: (2, 14)).loss(q[2] + 1, q[14]), edited.loss(), accuracy: 1e-12)
        // The grid's pixel centres: row 0 is the top (largest v).
        let grid = landscape.grid(u: 0...2, v: 0...2, columns: 2, rows: 2)
        XCTAssertEqual(grid[0], landscape.loss(0.5, 1.5), accuracy: 1e-15)
        XCTAssertEqual(grid[3], landscape.loss(1.5, 0.5), accuracy: 1e-15)
        // The path drawn is the run's history on the two axes, and the loss along it falls.
        let path = Array(zip(s.parameterHistory[0].elements, s.parameterHistory[1].elements))
        XCTAssertEqual(path.count, 301, "states 0…300")
        XCTAssertEqual(path.last?.0, p[0])
        let along = stride(from: 0, to: path.count, by: 64).map { landscape.loss(path[$0].0, path[$0].1) } + [s.trainer.loss()]
        XCTAssertEqual(along, along.sorted(by: >), "the path descends: \(along)")
        s.zoomedPanel = .landscape
        s.landscape.horizontal = 0
        s.landscape.vertical = 1
        s.width = 80
        s.height = 24
        let text = view(s).plainText
        XCTAssertGreaterThan(text.filter { $0 == "•" }.count, 10, text)
        XCTAssertEqual(text.filter { $0 == "◆" }.count, 2, "the current point, and its legend")
    }
}
