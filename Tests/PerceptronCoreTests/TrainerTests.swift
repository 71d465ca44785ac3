import XCTest
@testable import PerceptronCore

final class TrainerTests: XCTestCase {
    private func notebookTrainer() throws -> Trainer {
        try Trainer(dataset: Dataset.named("notebook"), seed: 1, learningRate: 1)
    }

    /// The notebook's printed first forward pass, and its full-precision values from NumPy.
    func testFirstForwardPassIsTheNotebooks() throws {
        let trace = try notebookTrainer().trace()
        // The notebook prints [[0.60841366] [0.45860596] [0.3262757] [0.36375058]].
        let printed = [0.60841366, 0.45860596, 0.3262757, 0.36375058]
        for (value, shown) in zip(trace.predictions, printed) { XCTAssertEqual(value, shown, accuracy: 5e-9) }
        // scripts/reference.py --steps 0 (NumPy 2.4.6; the engine's default kernel is svml).
        XCTAssertEqual(trace.predictions, [0.6084136604602889, 0.45860596288357436, 0.3262756985110817, 0.3637505753263374])
        XCTAssertEqual(trace.loss, 0.8223225820877986)
        XCTAssertEqual(trace.weightsBefore, [-0.165955990594852, 0.4406489868843162, -0.9997712503653102])
        XCTAssertEqual(trace.biasBefore, 0)
    }

    func testOneStepGivesMathMdsStateOne() throws {
        var trainer = try notebookTrainer()
        let before = trainer.trace()
        trainer.advance()
        XCTAssertEqual(trainer.step, 1)
        XCTAssertEqual(trainer.loss(), 0.7228974481248197)
        // The trace's "after" is exactly the state the loop reaches.
        XCTAssertEqual(before.weightsAfter, trainer.weights)
        XCTAssertEqual(before.biasAfter, trainer.bias)
    }

    func testTraceIntermediatesAreConsistent() throws {
        let trace = try notebookTrainer().trace()
        let targets = try Dataset.named("notebook").targets
        for i in 0..<4 {
            XCTAssertEqual(trace.dz[i], trace.predictions[i] - targets[i])
            XCTAssertEqual(trace.predictions[i], 1 / (1 + exp(-trace.z[i])), accuracy: 1e-15)
        }
        XCTAssertEqual(trace.biasGradient, trace.dz.reduce(0, +) / 4, accuracy: 1e-15)
    }

    /// dW and db against central finite differences of the loss.
    func testGradientMatchesFiniteDifferences() throws {
        for name in ["notebook", "xor", "and"] {
            let data = try Dataset.named(name)
            let trainer = try Trainer(dataset: data, seed: 7, learningRate: 1)
            let trace = trainer.trace()
            func loss(_ w: [Double], _ b: Double) -> Double {
                var total = 0.0
                for i in 0..<data.sampleCount {
                    let z = zip(data.row(i), w).map { $0 * $1 }.reduce(0, +) + b
                    let a = 1 / (1 + exp(-z))
                    let y = data.targets[i]
                    total += y * log(a) + (1 - y) * log(1 - a)
                }
                return -total / Double(data.sampleCount)
            }
            let h = 1e-6
            for j in 0..<data.inputCount {
                var up = trace.weightsBefore, down = trace.weightsBefore
                up[j] += h
                down[j] -= h
                let numeric = (loss(up, trace.biasBefore) - loss(down, trace.biasBefore)) / (2 * h)
                XCTAssertEqual(trace.weightGradient[j], numeric, accuracy: 1e-8, "\(name) dW[\(j)]")
            }
            let numeric = (loss(trace.weightsBefore, h) - loss(trace.weightsBefore, -h)) / (2 * h)
            XCTAssertEqual(trace.biasGradient, numeric, accuracy: 1e-8, "\(name) db")
        }
    }

    func testLossDecreasesOverThousandSteps() throws {
        var trainer = try notebookTrainer()
        var previous = trainer.loss()
        let first = previous
        for _ in 0..<1000 {
            trainer.advance()
            let current = trainer.loss()
            XCTAssertLessThan(current, previous, "step \(trainer.step)")
            previous = current
        }
        XCTAssertLessThan(previous, first / 10)
    }

    func testAdvanceByManyEqualsManySingleSteps() throws {
        var batched = try notebookTrainer(), single = try notebookTrainer()
        batched.advance(by: 250)
        for _ in 0..<250 { single.advance() }
        XCTAssertEqual(batched.weights, single.weights)
        XCTAssertEqual(batched.bias, single.bias)
        XCTAssertEqual(batched.step, 250)
    }

    func testDivergenceDoesNotCrashAndReportsInfinityOrNaN() throws {
        var trainer = try Trainer(dataset: Dataset.named("notebook"), seed: 1, learningRate: 1e6)
        trainer.advance(by: 50)
        let loss = trainer.loss()
        XCTAssertTrue(loss.isInfinite || loss.isNaN, "loss \(loss)")
        XCTAssertEqual(trainer.step, 50)
    }

    func testLearningRateCanChangeLiveButNotToNonsense() throws {
        var trainer = try notebookTrainer()
        try trainer.setLearningRate(0.5)
        XCTAssertEqual(trainer.learningRate, 0.5)
        for bad in [0, -1, Double.nan, .infinity] {
            XCTAssertThrowsError(try trainer.setLearningRate(bad))
        }
        XCTAssertEqual(trainer.learningRate, 0.5)
        XCTAssertThrowsError(try Trainer(dataset: Dataset.builtIn[0], learningRate: 0))
    }

    func testUnknownDatasetListsTheKnownOnes() {
        XCTAssertThrowsError(try Dataset.named("iris")) { error in
            XCTAssertEqual("\(error)", "unknown data set 'iris': choose one of notebook, trask, xor, and, or")
        }
    }

    func testParametersAreTheWeightsThenTheBiasAndCanBeEditedByHand() throws {
        var trainer = try notebookTrainer()
        trainer.advance(by: 3)
        XCTAssertEqual(trainer.parameters, trainer.weights + [trainer.bias])
        XCTAssertEqual(trainer.parameterNames, ["w1", "w2", "w3", "b"])
        trainer.setParameter(1, to: 2.5)
        trainer.setParameter(3, to: -0.25)
        XCTAssertEqual(trainer.weights[1], 2.5)
        XCTAssertEqual(trainer.bias, -0.25)
        XCTAssertEqual(trainer.step, 3)
        // The next step starts from the edited state: its forward pass uses the new values.
        XCTAssertEqual(trainer.trace().weightsBefore[1], 2.5)
        XCTAssertEqual(trainer.trace().biasBefore, -0.25)
    }

    func testPredictIsTheForwardPassOfEachSample() throws {
        for arithmetic in Arithmetic.allCases {
            var trainer = try Trainer(dataset: Dataset.named("notebook"), arithmetic: arithmetic)
            trainer.advance(by: 7)
            let predictions = trainer.predictions()
            for i in 0..<trainer.dataset.sampleCount {
                XCTAssertEqual(trainer.predict(Array(trainer.dataset.row(i))), predictions[i], "\(arithmetic) sample \(i)")
            }
        }
    }

    func testTheKernelIsTheRunsOwnAndBothStartFromTheFirstForwardPass() throws {
        let svml = try Trainer(dataset: Dataset.named("notebook"), arithmetic: .svml)
        let libm = try Trainer(dataset: Dataset.named("notebook"), arithmetic: .libm)
        XCTAssertEqual(svml.arithmetic, .svml)
        XCTAssertEqual(libm.arithmetic, .libm)
        // The notebook's printed first forward pass, to the digits it prints, with either kernel.
        for trainer in [svml, libm] {
            let p = trainer.predictions()
            XCTAssertEqual(p[0], 0.6084136604602889, accuracy: 1e-15)
            XCTAssertEqual(trainer.loss(), 0.8223225820877986, accuracy: 1e-15)
        }
    }

    func testObservedLossesAreEachStatesLoss() throws {
        for arithmetic in Arithmetic.allCases {
            var observed = try Trainer(dataset: Dataset.named("notebook"), learningRate: 3, arithmetic: arithmetic)
            var seen: [(Int, Double)] = []
            observed.advance(by: 40) { seen.append(($0, $1)) }
            var reference = try Trainer(dataset: Dataset.named("notebook"), learningRate: 3, arithmetic: arithmetic)
            XCTAssertEqual(seen.map(\.0), Array(0..<40))
            for (step, loss) in seen {
                XCTAssertEqual(reference.step, step)
                XCTAssertEqual(loss.bitPattern, reference.loss().bitPattern, "\(arithmetic) state \(step)")
                reference.advance()
            }
            XCTAssertEqual(observed.parameters, reference.parameters)
        }
    }
}
