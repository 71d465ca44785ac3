import PerceptronCore
import XCTest

/// A run is data: every state comes back exactly from checkpoints plus replay, with its events.
final class RunHistoryTests: XCTestCase {
    private let notebook = RunSetup(dataset: Dataset.builtIn[0])

    /// The engine stepping straight through, the reference every replayed state must equal bit for bit.
    private func straight(_ steps: Int, events: [RunEvent] = []) throws -> Trainer {
        var trainer = try notebook.makeTrainer()
        for event in events where event.step == 0 { event.apply(to: &trainer) }
        while trainer.step < steps {
            trainer.advance()
            for event in events where event.step == trainer.step { event.apply(to: &trainer) }
        }
        return trainer
    }

    func testEveryStateComesBackExactlyFromSmallCheckpoints() throws {
        var history = try RunHistory(setup: notebook, checkpointSpacing: 8, checkpointCapacity: 4, summaryCapacity: 8)
        history.extend(to: 300)
        XCTAssertEqual(history.end, 300)
        // Thinning kept the checkpoints within their capacity by widening the spacing.
        XCTAssertLessThanOrEqual(history.checkpoints.count, 4)
        XCTAssertGreaterThan(history.checkpoints.spacing, 8)
        for k in [0, 1, 7, 8, 9, 63, 64, 65, 150, 299, 300] {
            let state = history.state(at: k)
            XCTAssertEqual(state.step, k)
            XCTAssertEqual(state.parameters, try straight(k).parameters, "state \(k)")
        }
    }

    func testEventsApplyAtTheirStepAndReplayReproducesThem() throws {
        var history = try RunHistory(setup: notebook, checkpointSpacing: 4)
        history.extend(to: 10)
        history.record(.learningRate(0.5))
        history.extend(to: 13)
        history.record(.parameter(index: 1, value: -3))
        history.extend(to: 40)
        let events = [RunEvent(step: 10, .learningRate(0.5)), RunEvent(step: 13, .parameter(index: 1, value: -3))]
        XCTAssertEqual(history.run.events, events)
        for k in [9, 10, 11, 12, 13, 14, 39, 40] {
            let expected = try straight(k, events: events)
            XCTAssertEqual(history.state(at: k).parameters, expected.parameters, "state \(k)")
            XCTAssertEqual(history.state(at: k).learningRate, expected.learningRate, "α of state \(k)")
        }
        XCTAssertEqual(history.state(at: 13).parameters[1], -3, "an edit shows in the state it was made at")
        XCTAssertEqual(history.state(at: 9).learningRate, 1)
        XCTAssertEqual(history.state(at: 10).learningRate, 0.5, "state 10's step uses the new α")
    }

    func testDiscardForgetsTheFutureAndRefillsTheSummary() throws {
        var history = try RunHistory(setup: notebook, checkpointSpacing: 4, summaryCapacity: 8)
        history.record(.learningRate(2))
        history.extend(to: 50)
        history.discard(after: 21)
        XCTAssertEqual(history.end, 21)
        XCTAssertEqual(history.latest.parameters, try straight(21, events: [RunEvent(step: 0, .learningRate(2))]).parameters)
        XCTAssertEqual(history.summary.count, 21)
        XCTAssertTrue(history.checkpoints.states.allSatisfy { $0.step <= 21 })
        history.record(.learningRate(0.25))
        history.extend(to: 30)
        XCTAssertEqual(history.run.events.map(\.step), [0, 21])
        // The same as a fresh run with those two events.
        var fresh = try RunHistory(setup: notebook, checkpointSpacing: 4, summaryCapacity: 8)
        fresh.record(.learningRate(2))
        fresh.extend(to: 21)
        fresh.record(.learningRate(0.25))
        fresh.extend(to: 30)
        XCTAssertEqual(history.latest.parameters, fresh.latest.parameters)
        // The summary keeps its coarser buckets, each one true to the states it covers.
        let size = history.summary.bucketSize
        for (i, bucket) in history.summary.buckets.enumerated() {
            let losses = (i * size..<min(30, (i + 1) * size)).map { fresh.state(at: $0).loss() }
            XCTAssertEqual(bucket.first, losses.first)
            XCTAssertEqual(bucket.last, losses.last)
            XCTAssertEqual(bucket.low, losses.min())
            XCTAssertEqual(bucket.high, losses.max())
            XCTAssertEqual(bucket.parameters, fresh.state(at: i * size).parameters)
        }
    }

    func testAnEditAtStepZeroChangesStateZero() throws {
        var history = try RunHistory(setup: notebook, checkpointSpacing: 4)
        history.record(.parameter(index: 0, value: 1.5))
        history.extend(to: 9)
        XCTAssertEqual(history.state(at: 0).parameters[0], 1.5)
        XCTAssertEqual(history.state(at: 5).parameters,
                       try straight(5, events: [RunEvent(step: 0, .parameter(index: 0, value: 1.5))]).parameters)
    }

    /// The summary's first value of each state is the engine's loss() of that state; extremes survive merging.
    func testSummaryKeepsEveryLossThenTheExtremesOfEachBucket() throws {
        var history = try RunHistory(setup: notebook, summaryCapacity: 16)
        history.extend(to: 16)
        let perState = history.summary.columns(16, through: 16)
        for k in 0..<16 { XCTAssertEqual(perState[k].first, try straight(k).loss(), "loss of state \(k)") }
        history.extend(to: 1000)
        XCTAssertLessThanOrEqual(history.summary.buckets.count, 16)
        XCTAssertEqual(history.summary.count, 1000)
        let all = (0..<1000).map { k in history.state(at: k).loss() }
        let columns = history.summary.columns(4, through: 1000)
        XCTAssertEqual(columns.count, 4)
        XCTAssertEqual(columns.compactMap(\.high).max(), all.max())
        XCTAssertEqual(columns.compactMap(\.low).min(), all.min())
        XCTAssertEqual(columns.first?.first, all[0])
    }

    func testASpikeIsNeverLostInTheSummary() throws {
        var summary = LossSummary(capacity: 4)
        for k in 0..<1000 {
            if summary.roomInBucket == 0 { summary.openBucket(parameters: [Double(k)]) }
            summary.add(k == 613 ? 50 : 1)
        }
        XCTAssertEqual(summary.buckets.count, 4)
        XCTAssertEqual(summary.columns(2, through: 1000).compactMap(\.high), [1, 50])
    }

    func testTheFirstNonFiniteLossIsFound() throws {
        var history = try RunHistory(setup: RunSetup(dataset: try Dataset.named("notebook"), learningRate: 1e6))
        history.extend(to: 20)
        // NumPy's run at α 1e6 (Tests/Fixtures/train/notebook-lr1e6.csv) has loss nan from state 1.
        XCTAssertEqual(history.firstNonFiniteStep, 1)
        XCTAssertEqual(history.summary.columns(3, through: 3).first?.hasNonFinite, false)
    }

    func testRegimeWords() {
        func points(_ losses: [Double], every: Int = 1) -> [(step: Int, loss: Double)] {
            losses.enumerated().map { ($0.offset * every, $0.element) }
        }
        XCTAssertNil(Regime.classify(points([0.8])))
        XCTAssertEqual(Regime.classify(points([0.8, 0.6, 0.5, 0.45])), .converging)
        XCTAssertEqual(Regime.classify(points([0.5, 0.6, 0.8, 1.2])), .diverging)
        XCTAssertEqual(Regime.classify(points([0.5, .nan])), .diverging)
        XCTAssertEqual(Regime.classify(points([0.5, .infinity])), .diverging)
        XCTAssertEqual(Regime.classify(points([0.5, 0.7, 0.5, 0.7, 0.5, 0.7])), .oscillating)
        // 1e-7 relative over 1,000 steps is below the 1e-6 threshold; 1e-5 is not.
        XCTAssertEqual(Regime.classify(points([0.1, 0.1 * (1 - 1e-7)], every: 1000)), .plateau)
        XCTAssertEqual(Regime.classify(points([0.1, 0.1 * (1 - 1e-5)], every: 1000)), .converging)
    }

    func testExportStatesEveryKPlusTheLast() throws {
        var run = Run(setup: notebook)
        run.append(RunEvent(step: 3, .learningRate(0.5)))
        var steps: [Int] = [], rates: [Double] = []
        try run.forEachState(through: 10, every: 4) { steps.append($0.step); rates.append($0.learningRate); return true }
        XCTAssertEqual(steps, [0, 4, 8, 10])
        XCTAssertEqual(rates, [1, 0.5, 0.5, 0.5])
    }
}
