import PerceptronCore
import TerminalUI
import XCTest
@testable import PerceptronApp

/// `update` is the only place the visualiser's state changes: its rules, message by message.
final class UpdateTests: XCTestCase {
    private func state(running: Bool = false, learningRate: Double = 1) throws -> AppState {
        AppState(trainer: try Trainer(dataset: Dataset.named("notebook"), seed: 1, learningRate: learningRate),
                 running: running, entropy: 7)
    }

    private func press(_ key: Key, _ state: inout AppState, times: Int = 1) {
        for _ in 0..<times { update(&state, .key(key)) }
    }

    func testPausedIgnoresTicks() throws {
        var s = try state()
        update(&s, .tick(seconds: 10))
        XCTAssertEqual(s.step, 0)
        XCTAssertNil(s.tickInterval)
    }

    func testNStepsExactlyOncePerPressWhilePaused() throws {
        var s = try state()
        press(.character("n"), &s)
        XCTAssertEqual(s.step, 1)
        press(.right, &s, times: 2)
        XCTAssertEqual(s.step, 3)
        // The same parameters as three engine steps.
        var trainer = try Trainer(dataset: Dataset.named("notebook"))
        trainer.advance(by: 3)
        XCTAssertEqual(s.trainer.weights, trainer.weights)
        XCTAssertEqual(s.lossHistory.elements.map(\.step), [0, 1, 2, 3])
        XCTAssertEqual(s.lossHistory.last?.loss, trainer.loss())
        // Running, the clock sets the pace: n does nothing.
        press(.character(" "), &s)
        press(.character("n"), &s)
        XCTAssertEqual(s.step, 3)
    }

    func testTicksAdvanceAtTheChosenSpeedCarryingFractions() throws {
        var s = try state(running: true)
        XCTAssertEqual(s.speed, 20)
        update(&s, .tick(seconds: 0.5))
        XCTAssertEqual(s.step, 10)
        // 0.03 s at 20 steps/s is 0.6 of a step: nothing yet, then the carried part completes one.
        update(&s, .tick(seconds: 0.03))
        XCTAssertEqual(s.step, 10)
        update(&s, .tick(seconds: 0.03))
        XCTAssertEqual(s.step, 11)
        XCTAssertEqual(s.tickInterval, 1.0 / 20)
    }

    func testHighSpeedAdvancesManyStepsPerFrameAndCapsBursts() throws {
        var s = try state(running: true)
        press(.character("+"), &s, times: 100)
        XCTAssertEqual(s.speed, 1_000_000)
        XCTAssertEqual(s.tickInterval, 1.0 / 30)
        update(&s, .tick(seconds: 1.0 / 30))
        XCTAssertEqual(s.step, 33_333)
        // A stalled terminal (60 s between frames) does not cause a minute-long burst.
        update(&s, .tick(seconds: 60))
        XCTAssertLessThanOrEqual(s.step, 33_333 + 1_000_000)
    }

    func testSpeedLadder() throws {
        var s = try state()
        XCTAssertEqual(Ladder.speeds.first, 1)
        XCTAssertEqual(Ladder.speeds.last, 1_000_000)
        press(.character("+"), &s)
        XCTAssertEqual(s.speed, 50)
        press(.character("-"), &s, times: 3)
        XCTAssertEqual(s.speed, 5)
        press(.character("-"), &s, times: 10)
        XCTAssertEqual(s.speed, 1)
    }

    func testLearningRateLadderChangesLiveWithoutReset() throws {
        var s = try state()
        press(.character("n"), &s, times: 5)
        press(.character("]"), &s)
        XCTAssertEqual(s.trainer.learningRate, 2)
        XCTAssertEqual(s.step, 5, "no reset")
        press(.character("["), &s, times: 2)
        XCTAssertEqual(s.trainer.learningRate, 0.5)
        press(.character("["), &s, times: 50)
        XCTAssertEqual(s.trainer.learningRate, 0.001)
        var offLadder = try state(learningRate: 0.3)
        press(.character("]"), &offLadder)
        XCTAssertEqual(offLadder.trainer.learningRate, 0.5)
        offLadder = try state(learningRate: 0.3)
        press(.character("["), &offLadder)
        XCTAssertEqual(offLadder.trainer.learningRate, 0.2)
    }

    func testRestartKeepsSeedAndLearningRateAndClearsHistory() throws {
        var s = try state()
        press(.character("]"), &s)
        press(.character("n"), &s, times: 4)
        press(.character("r"), &s)
        XCTAssertEqual(s.step, 0)
        XCTAssertEqual(s.trainer.seed, 1)
        XCTAssertEqual(s.trainer.learningRate, 2)
        XCTAssertEqual(s.lossHistory.count, 1)
        XCTAssertEqual(s.lastChange, [0, 0, 0, 0])
        XCTAssertEqual(s.trainer.weights, try Trainer(dataset: Dataset.named("notebook")).weights)
    }

    /// A run started with `--math libm` stays on that kernel through r and s.
    func testRestartsKeepTheKernel() throws {
        var s = AppState(trainer: try Trainer(dataset: Dataset.named("notebook"), arithmetic: .libm), running: false,
                         entropy: 7)
        for key in ["r", "s"] {
            press(.character("n"), &s)
            press(.character(Character(key)), &s)
            XCTAssertEqual(s.trainer.arithmetic, .libm, key)
        }
    }

    func testNewSeedRestartsWithAnotherSeedAndSaysWhich() throws {
        var s = try state()
        press(.character("n"), &s, times: 2)
        press(.character("s"), &s)
        XCTAssertEqual(s.step, 0)
        XCTAssertNotEqual(s.trainer.seed, 1)
        XCTAssertEqual(s.notice, "new seed \(s.trainer.seed)")
        let first = s.trainer.seed
        press(.character("s"), &s)
        XCTAssertNotEqual(s.trainer.seed, first)
        // The next key clears the notice.
        press(.character("l"), &s)
        XCTAssertNil(s.notice)
    }

    func testSampleSelectionWraps() throws {
        var s = try state()
        press(.up, &s)
        XCTAssertEqual(s.selectedSample, 3)
        press(.down, &s, times: 2)
        XCTAssertEqual(s.selectedSample, 1)
    }

    func testToggleKeysHelpAndQuit() throws {
        var s = try state()
        press(.character("l"), &s)
        XCTAssertTrue(s.logScale)
        press(.character("?"), &s)
        XCTAssertTrue(s.showHelp)
        // While the help is open, keys do not reach the run; Esc closes the help, not the app.
        press(.character("n"), &s)
        XCTAssertEqual(s.step, 0)
        XCTAssertEqual(update(&s, .key(.escape)), [], "Esc closes the help, not the app")
        XCTAssertFalse(s.showHelp)
        XCTAssertEqual(update(&s, .key(.escape)), [.quit])
        var q = try state()
        XCTAssertEqual(update(&q, .key(.character("q"))), [.quit])
        XCTAssertEqual(update(&q, .key(.control("c"))), [.quit])
    }

    func testResize() throws {
        var s = try state()
        update(&s, .resize(width: 132, height: 43))
        XCTAssertEqual(s.width, 132)
        XCTAssertEqual(s.height, 43)
    }

    func testLastChangeIsTheLastStepsUpdate() throws {
        var s = try state()
        let trace = s.trainer.trace()
        press(.character("n"), &s)
        let expected = zip(trace.weightsAfter + [trace.biasAfter], trace.weightsBefore + [trace.biasBefore]).map { $0 - $1 }
        XCTAssertEqual(s.lastChange, expected)
    }

    func testFastForwardRecordsTheRecentStatesOneByOne() throws {
        var s = try state()
        s.fastForward(to: 2000)
        XCTAssertEqual(s.step, 2000)
        let steps = s.lossHistory.elements.map(\.step)
        XCTAssertEqual(steps.count, AppState.historyCapacity)
        XCTAssertEqual(steps.last, 2000)
        XCTAssertEqual(Array(steps.suffix(3)), [1998, 1999, 2000])
    }

    func testProjectionModeAndZoomKeys() throws {
        var s = try state()
        press(.character("p"), &s)
        XCTAssertTrue(s.presenting)
        press(.character("3"), &s)
        XCTAssertEqual(s.zoomedPanel, .sigmoid)
        press(.character("5"), &s)
        XCTAssertEqual(s.zoomedPanel, .predictions)
        press(.character("5"), &s)
        XCTAssertNil(s.zoomedPanel, "the same key goes back")
        press(.character("1"), &s)
        press(.character("p"), &s)
        XCTAssertFalse(s.presenting)
        XCTAssertNil(s.zoomedPanel, "p leaves any zoom")
        press(.character("6"), &s)
        XCTAssertEqual(s.zoomedPanel, .boundary)
        press(.character("6"), &s)
        press(.character("7"), &s)
        XCTAssertEqual(s.zoomedPanel, .landscape)
        press(.character("7"), &s)
        press(.character("8"), &s)
        XCTAssertNil(s.zoomedPanel)
    }

    /// `a` steps through the pairs of inputs the boundary is drawn over, `A` back; they wrap.
    func testAxesKeyCyclesThePairsOfInputs() throws {
        var s = try state()
        XCTAssertEqual(s.boundaryAxes, AxisPair(horizontal: 0, vertical: 1))
        press(.character("a"), &s)
        XCTAssertEqual(s.boundaryAxes, AxisPair(horizontal: 0, vertical: 2))
        press(.character("a"), &s)
        XCTAssertEqual(s.boundaryAxes, AxisPair(horizontal: 1, vertical: 2))
        press(.character("a"), &s)
        XCTAssertEqual(s.boundaryAxes, .first, "three inputs have three pairs")
        press(.character("A"), &s)
        XCTAssertEqual(s.boundaryAxes, AxisPair(horizontal: 1, vertical: 2))
    }

    /// Ctrl-L asks for a full repaint and changes nothing; no other message asks for anything.
    func testCtrlLAsksForARedrawAndChangesNothing() throws {
        var s = try state()
        press(.character("n"), &s)
        press(.character("r"), &s)
        let before = s
        XCTAssertEqual(update(&s, .key(.control("l"))), [.redrawScreen])
        XCTAssertEqual(s.notice, before.notice, "the notice stays")
        XCTAssertEqual(s.step, before.step)
        press(.character("?"), &s)
        XCTAssertEqual(update(&s, .key(.control("l"))), [.redrawScreen], "with the help open too")
        XCTAssertTrue(s.showHelp)
        XCTAssertEqual(update(&s, .key(.character("x"))), [])
        XCTAssertEqual(update(&s, .key(.shiftLeft)), [])
        XCTAssertEqual(update(&s, .tick(seconds: 1)), [])
        XCTAssertEqual(update(&s, .resize(width: 90, height: 30)), [])
    }
}
