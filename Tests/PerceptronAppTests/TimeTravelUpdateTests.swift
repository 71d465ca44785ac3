import PerceptronCore
import TerminalUI
import XCTest
@testable import PerceptronApp

/// The time-travel keys through `update`: back, jumps, go-to, Home/End, bookmarks, edits, export,
/// the whole-run view and the pause on divergence. Every state shown must be the engine's own.
final class TimeTravelUpdateTests: XCTestCase {
    private func state(running: Bool = false, learningRate: Double = 1) throws -> AppState {
        AppState(trainer: try Trainer(dataset: Dataset.named("notebook"), seed: 1, learningRate: learningRate),
                 running: running, entropy: 7)
    }

    @discardableResult
    private func press(_ key: Key, _ state: inout AppState, times: Int = 1) -> [Command] {
        var commands: [Command] = []
        for _ in 0..<times { commands += update(&state, .key(key)) }
        return commands
    }

    private func type(_ text: String, _ state: inout AppState) {
        for c in text { press(.character(c), &state) }
    }

    /// State k of the notebook's run, stepped straight through by the engine.
    private func engine(_ k: Int, learningRate: Double = 1) throws -> Trainer {
        var trainer = try Trainer(dataset: Dataset.named("notebook"), learningRate: learningRate)
        trainer.advance(by: k)
        return trainer
    }

    func testBackStepsOneStateAndPauses() throws {
        var s = try state()
        press(.character("n"), &s, times: 5)
        press(.left, &s, times: 2)
        XCTAssertEqual(s.step, 3)
        XCTAssertEqual(s.trainer.parameters, try engine(3).parameters)
        XCTAssertEqual(s.trainer.loss(), try engine(3).loss())
        XCTAssertEqual(s.history.end, 5, "going back keeps the run")
        XCTAssertEqual(s.lossHistory.elements.map(\.step), [0, 1, 2, 3], "the recent history is the state's own")
        press(.character("b"), &s, times: 5)
        XCTAssertEqual(s.step, 0)
        // Running, ← pauses.
        press(.character(" "), &s)
        update(&s, .tick(seconds: 0.5))
        XCTAssertEqual(s.step, 10)
        press(.left, &s)
        XCTAssertFalse(s.running)
        XCTAssertEqual(s.step, 9)
        // → and n go forward again through the same states.
        press(.right, &s)
        XCTAssertEqual(s.trainer.parameters, try engine(10).parameters)
    }

    func testJumpsGrowTenfoldWhileRepeatedAndResetOnAnotherKey() throws {
        var s = try state()
        press(.character(">"), &s)
        XCTAssertEqual(s.step, 1)
        press(.character(">"), &s)
        XCTAssertEqual(s.step, 11)
        press(.character(">"), &s)
        XCTAssertEqual(s.step, 111)
        XCTAssertEqual(s.trainer.parameters, try engine(111).parameters, "forward past the end trains")
        press(.shiftLeft, &s)
        XCTAssertEqual(s.step, 110, "another direction starts again at 1")
        press(.shiftLeft, &s)
        XCTAssertEqual(s.step, 100)
        press(.character("l"), &s)
        press(.character("<"), &s)
        XCTAssertEqual(s.step, 99, "any other key resets the size")
        press(.shiftRight, &s)
        XCTAssertEqual(s.step, 100)
        press(.character("<"), &s, times: 4)
        XCTAssertEqual(s.step, 0, "clamped at state 0")
        XCTAssertEqual(s.trainer.parameters, try engine(0).parameters)
    }

    func testGoToPromptTakesStepsWithSuffixesAndEscCancels() throws {
        var s = try state()
        press(.character("g"), &s)
        XCTAssertEqual(s.prompt, Prompt(.goTo))
        type("1000", &s)
        XCTAssertEqual(s.prompt?.text, "1000")
        XCTAssertEqual(s.step, 0, "keys edit the prompt, they do not reach the run")
        press(.enter, &s)
        XCTAssertNil(s.prompt)
        XCTAssertEqual(s.step, 1000)
        XCTAssertEqual(s.trainer.parameters, try engine(1000).parameters)
        press(.character("g"), &s)
        type("2kx", &s)
        XCTAssertEqual(s.prompt?.text, "2k", "letters that are not suffixes are not typed")
        press(.backspace, &s)
        type("1k", &s)
        press(.enter, &s)
        XCTAssertEqual(s.step, 21_000)
        press(.character("g"), &s)
        type("40", &s)
        press(.escape, &s)
        XCTAssertNil(s.prompt)
        XCTAssertEqual(s.step, 21_000, "Esc cancels")
        press(.character("g"), &s)
        type("1..5", &s)
        press(.enter, &s)
        XCTAssertEqual(s.step, 21_000)
        XCTAssertEqual(s.notice, "go to: '1..5' is not a step (use e.g. 1000, 10k, 2M)")
        XCTAssertEqual(Prompt.parseStep("2.5M"), 2_500_000)
        XCTAssertEqual(Prompt.parseStep("10k"), 10_000)
        XCTAssertEqual(Prompt.parseStep("1,000"), 1000)
        XCTAssertNil(Prompt.parseStep("1.5"))
        XCTAssertNil(Prompt.parseStep("k"))
        XCTAssertNil(Prompt.parseStep(""))
    }

    func testGoToFarBeyondTheEndTrainsAChunkPerTick() throws {
        var s = try state()
        s.trainingChunk = 2000
        press(.character("g"), &s)
        type("5k", &s)
        press(.enter, &s)
        XCTAssertEqual(s.goal, 5000)
        XCTAssertEqual(s.step, 2000, "the first chunk at once")
        XCTAssertNotNil(s.tickInterval, "paused, the go-to still gets ticks")
        XCTAssertEqual(s.notice, "training to step 5,000…")
        update(&s, .tick(seconds: 1.0 / 30))
        XCTAssertEqual(s.step, 4000)
        update(&s, .tick(seconds: 1.0 / 30))
        XCTAssertNil(s.goal)
        XCTAssertNil(s.tickInterval)
        XCTAssertEqual(s.step, 5000)
        XCTAssertFalse(s.running)
        XCTAssertEqual(s.trainer.parameters, try engine(5000).parameters)
    }

    func testHomeAndEnd() throws {
        var s = try state()
        press(.character("n"), &s, times: 30)
        press(.home, &s)
        XCTAssertEqual(s.step, 0)
        XCTAssertEqual(s.trainer.loss(), try engine(0).loss())
        XCTAssertEqual(DisplayFormat.loss(s.trainer.loss()), "0.82232258")
        press(.end, &s)
        XCTAssertEqual(s.step, 30)
        XCTAssertTrue(s.isAtEnd)
    }

    func testBookmarksMarkAndCycle() throws {
        var s = try state()
        press(.character("'"), &s)
        XCTAssertEqual(s.notice, "no bookmarks yet: m marks this step")
        press(.character("n"), &s, times: 3)
        press(.character("m"), &s)
        XCTAssertEqual(s.notice, "bookmark at step 3")
        press(.character("n"), &s, times: 4)
        press(.character("m"), &s)
        press(.character("n"), &s, times: 2)
        XCTAssertEqual(s.bookmarks, [3, 7])
        press(.character("'"), &s)
        XCTAssertEqual(s.step, 3, "after the last bookmark, the first")
        press(.character("'"), &s)
        XCTAssertEqual(s.step, 7)
        XCTAssertEqual(s.notice, "bookmark 2 of 2")
        press(.character("m"), &s)
        XCTAssertEqual(s.bookmarks, [3], "m again removes it")
    }

    func testEditPromptPicksAParameterWithTabAndLogsAnEvent() throws {
        var s = try state()
        press(.character("n"), &s, times: 4)
        press(.character("e"), &s)
        XCTAssertEqual(s.prompt, Prompt(.edit(index: 0)))
        press(.tab, &s, times: 2)
        XCTAssertEqual(s.prompt?.kind, .edit(index: 2))
        press(.tab, &s, times: 2)
        XCTAssertEqual(s.prompt?.kind, .edit(index: 0), "Tab cycles through w1, w2, w3, b")
        press(.tab, &s)
        type("-2.5", &s)
        press(.enter, &s)
        XCTAssertEqual(s.trainer.parameters[1], -2.5)
        XCTAssertEqual(s.step, 4)
        XCTAssertEqual(s.history.run.events, [RunEvent(step: 4, .parameter(index: 1, value: -2.5))])
        XCTAssertEqual(s.notice, "w2 = -2.5 at step 4")
        // The run goes on from the edited state.
        press(.character("n"), &s)
        var expected = try engine(4)
        expected.setParameter(1, to: -2.5)
        expected.advance()
        XCTAssertEqual(s.trainer.parameters, expected.parameters)
        // Not a number: nothing changes.
        press(.character("e"), &s)
        type("1e", &s)
        press(.enter, &s)
        XCTAssertEqual(s.history.run.events.count, 1)
        XCTAssertEqual(s.notice, "edit: '1e' is not a finite number")
    }

    func testChangingThePastDiscardsTheRunAfterItWithANotice() throws {
        var s = try state()
        press(.character("n"), &s, times: 20)
        press(.character("m"), &s)
        press(.character("g"), &s)
        type("10", &s)
        press(.enter, &s)
        press(.character("]"), &s)
        XCTAssertEqual(s.history.end, 10)
        XCTAssertEqual(s.notice, "α 2 from step 10; run after it discarded")
        XCTAssertEqual(s.bookmarks, [], "bookmarks in the discarded part go too")
        XCTAssertEqual(s.history.run.events, [RunEvent(step: 10, .learningRate(2))])
        // At the end, a change discards nothing.
        press(.character("n"), &s, times: 2)
        press(.character("["), &s)
        XCTAssertEqual(s.notice, "α 1 from step 12")
        XCTAssertEqual(s.history.run.events.map(\.step), [10, 12])
        // The same in the diagram: editing in the past.
        press(.home, &s)
        press(.character("e"), &s)
        type("0", &s)
        press(.enter, &s)
        XCTAssertEqual(s.history.end, 0)
        XCTAssertEqual(s.notice, "w1 = 0 at step 0; run after it discarded")
    }

    func testExportAsksTheEdgeToWriteTheRun() throws {
        var s = try state()
        press(.character("n"), &s, times: 10)
        press(.character("]"), &s)
        press(.character("n"), &s, times: 10)
        press(.home, &s)
        let commands = press(.character("w"), &s)
        guard case .export(let export)? = commands.first else { return XCTFail("no export command: \(commands)") }
        XCTAssertEqual(export.fileName, "perceptron-run-1-20.csv", "the whole run, wherever the screen is")
        XCTAssertEqual(export.through, 20)
        XCTAssertEqual(export.every, 1)
        XCTAssertEqual(export.run, s.history.run)
        update(&s, .exported(fileName: "perceptron-run-1-20-1.csv", every: 1))
        XCTAssertEqual(s.notice, "wrote perceptron-run-1-20-1.csv")
        update(&s, .exportFailed(reason: "x: Permission denied"))
        XCTAssertEqual(s.notice, "not written: x: Permission denied")
        // Beyond 100,000 rows, every K-th state.
        let long = RunExport(run: s.history.run, through: 250_000)
        XCTAssertEqual(long.every, 3)
        XCTAssertLessThanOrEqual(long.through / long.every, RunExport.rowLimit)
        XCTAssertEqual(RunExport(run: s.history.run, through: 99_999).every, 1)
        XCTAssertEqual(RunExport(run: s.history.run, through: 100_000).every, 2)
        update(&s, .exported(fileName: "f.csv", every: 3))
        XCTAssertEqual(s.notice, "wrote f.csv (a row every 3 states)")
    }

    func testWholeRunAndLogToggles() throws {
        var s = try state()
        XCTAssertTrue(s.showWholeRun)
        press(.character("v"), &s)
        XCTAssertFalse(s.showWholeRun)
        XCTAssertEqual(s.notice, "loss: the recent states")
        press(.character("l"), &s)
        XCTAssertTrue(s.logScale)
        XCTAssertFalse(s.showWholeRun)
        press(.character("v"), &s)
        XCTAssertTrue(s.showWholeRun)
    }

    func testDivergencePausesOnceAtTheFirstNonFiniteStep() throws {
        var s = try state(running: true, learningRate: 1e6)
        update(&s, .tick(seconds: 0.5))
        XCTAssertFalse(s.running)
        // NumPy's run at α 1e6 (Tests/Fixtures/train/notebook-lr1e6.csv): loss nan from state 1.
        XCTAssertEqual(s.step, 1)
        XCTAssertEqual(s.notice, "loss is not finite at step 1: paused (space goes on)")
        press(.character(" "), &s)
        update(&s, .tick(seconds: 0.5))
        XCTAssertTrue(s.running, "space goes on; it pauses only the first time")
        XCTAssertGreaterThan(s.step, 1)
    }

    func testRunningFromThePastReplaysThenTrains() throws {
        var s = try state()
        press(.character("n"), &s, times: 10)
        press(.home, &s)
        press(.character(" "), &s)
        update(&s, .tick(seconds: 1))
        XCTAssertEqual(s.step, 20)
        XCTAssertEqual(s.trainer.parameters, try engine(20).parameters)
        XCTAssertEqual(s.history.end, 20)
    }

    /// Every binding does something: no key in the table is dead.
    func testEveryBindingInTheKeyTableIsHandled() throws {
        for binding in KeyMap.bindings {
            for key in binding.keys {
                XCTAssertNotNil(KeyMap.action(for: key), "\(key) of \(binding.label)")
            }
        }
        XCTAssertEqual(KeyMap.action(for: .pageUp), nil, "PgUp stays free for slides")
        XCTAssertEqual(KeyMap.action(for: .pageDown), nil, "PgDn stays free for slides")
        let keys = KeyMap.bindings.flatMap(\.keys)
        XCTAssertEqual(Set(keys).count, keys.count, "no key is bound twice")
    }
}
