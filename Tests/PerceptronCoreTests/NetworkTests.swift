import Foundation
import XCTest
@testable import PerceptronCore

/// The model API with a hidden layer, squared error and no bias.
final class NetworkTests: XCTestCase {
    private func trainer(_ data: String, hidden: Int? = nil, loss: Loss = .crossEntropy, bias: Bool = true,
                         seed: UInt32 = 1, learningRate: Double = 1) throws -> Trainer {
        try Trainer(dataset: Dataset.named(data), seed: seed, learningRate: learningRate,
                    model: ModelSpec(hiddenUnits: hidden, loss: loss, hasBias: bias))
    }

    /// State 0 of xor with four hidden units, from NumPy:
    /// `python3 scripts/reference.py --data xor --hidden 4 --steps 0` (the same on Haswell and SkylakeX kernels).
    func testFirstForwardPassIsNumPys() throws {
        let t = try trainer("xor", hidden: 4)
        let trace = t.trace()
        XCTAssertEqual(trace.loss, 0.68833415727565)
        XCTAssertEqual(trace.predictions, [0.4737295710714989, 0.488956956030248, 0.5438408563499274, 0.5447083689195783])
        // W1 then W2 continue one generator stream, as Trask draws them.
        XCTAssertEqual(t.layers[0].weights[0..<4], [-0.165955990594852, 0.4406489868843162, -0.9997712503653102, -0.39533485473632046])
        XCTAssertEqual(t.layers[1].weights, [-0.5910955005369651, 0.7562348727818908, -0.9452248136041477, 0.34093502035680445])
        XCTAssertEqual(t.layers[0].biases, [0, 0, 0, 0])
        XCTAssertEqual(t.layers[1].biases, [0])
    }

    /// Every gradient of the step against central finite differences of the model's own loss,
    /// written here independently of the engine.
    func testGradientsMatchFiniteDifferences() throws {
        let cases: [(String, Int?, Loss, Bool)] = [
            ("xor", 4, .crossEntropy, true), ("notebook", 1, .crossEntropy, true), ("and", 3, .squared, true),
            ("xor", 2, .squared, false), ("or", 5, .crossEntropy, false), ("trask", nil, .squared, true),
            ("xor", nil, .crossEntropy, false),
        ]
        for (name, hidden, loss, bias) in cases {
            var t = try trainer(name, hidden: hidden, loss: loss, bias: bias, seed: 3)
            t.advance(by: 5)
            let trace = t.trace()
            let gradient = trace.layers.flatMap { $0.weightGradient + ($0.biasGradient ?? []) }
            let parameters = t.parameters
            XCTAssertEqual(gradient.count, parameters.count)
            let data = t.dataset
            for k in parameters.indices {
                var up = t, down = t
                let step = 1e-6
                up.setParameter(k, to: parameters[k] + step)
                down.setParameter(k, to: parameters[k] - step)
                let numeric = (Self.loss(up, data) - Self.loss(down, data)) / (2 * step)
                XCTAssertEqual(gradient[k], numeric, accuracy: 1e-8,
                               "\(name) \(t.model.summary(inputs: data.inputCount)) \(t.parameterNames[k])")
            }
        }
    }

    /// The loss from the layers' parameters, by the textbook formulas.
    private static func loss(_ t: Trainer, _ data: Dataset) -> Double {
        let layers = t.layers
        var total = 0.0
        for i in 0..<data.sampleCount {
            var a = Array(data.row(i))
            for layer in layers {
                a = (0..<layer.unitCount).map { j in
                    let z = (0..<layer.inputCount).map { a[$0] * layer.weights[$0 * layer.unitCount + j] }.reduce(0, +)
                        + (layer.biases?[j] ?? 0)
                    return 1 / (1 + Foundation.exp(-z))
                }
            }
            let y = data.targets[i], p = a[0]
            switch t.model.loss {
            case .crossEntropy: total += -(y * Foundation.log(p) + (1 - y) * Foundation.log(1 - p)) / Double(data.sampleCount)
            case .squared: total += 0.5 * (y - p) * (y - p)
            }
        }
        return total
    }

    func testTraceIsTheStepTheLoopMakes() throws {
        for (hidden, loss) in [(4, Loss.crossEntropy), (1, .squared), (7, .crossEntropy)] {
            var t = try trainer("xor", hidden: hidden, loss: loss, learningRate: 0.7)
            t.advance(by: 11)
            let trace = t.trace()
            t.advance()
            XCTAssertEqual(trace.layers.map(\.after), t.layers)
            XCTAssertEqual(trace.weightsAfter, t.weights)
            XCTAssertEqual(trace.biasAfter, t.bias)
            // The flat fields are the output layer's.
            let output = try XCTUnwrap(trace.layers.last)
            XCTAssertEqual(trace.predictions, output.activations)
            XCTAssertEqual(trace.z, output.z)
            XCTAssertEqual(trace.weightGradient, output.weightGradient)
            XCTAssertEqual(trace.layers[0].z.count, 4 * hidden)
        }
    }

    func testBatchedStepsAreSingleSteps() throws {
        var batched = try trainer("xor", hidden: 4), single = try trainer("xor", hidden: 4)
        batched.advance(by: 300)
        for _ in 0..<300 { single.advance() }
        XCTAssertEqual(batched.parameters, single.parameters)
        XCTAssertEqual(batched.step, 300)
    }

    func testObservedLossesAreEachStatesLoss() throws {
        for loss in Loss.allCases {
            var observed = try trainer("xor", hidden: 3, loss: loss)
            var reference = observed
            var seen: [(Int, Double)] = []
            observed.advance(by: 30) { seen.append(($0, $1)) }
            XCTAssertEqual(seen.map(\.0), Array(0..<30))
            for (step, value) in seen {
                XCTAssertEqual(value.bitPattern, reference.loss().bitPattern, "\(loss) state \(step)")
                reference.advance()
            }
            XCTAssertEqual(observed.parameters, reference.parameters)
        }
    }

    func testParametersAreNamedAsTheCSVHeaderAndEditable() throws {
        var t = try trainer("and", hidden: 2)
        XCTAssertEqual(t.parameterNames, ["w1_1_1", "w1_1_2", "w1_2_1", "w1_2_2", "b1_1", "b1_2", "w2_1", "w2_2", "b2"])
        XCTAssertEqual(t.parameters.count, t.parameterNames.count)
        for k in t.parameters.indices { t.setParameter(k, to: Double(k) / 10) }
        XCTAssertEqual(t.parameters, (0..<9).map { Double($0) / 10 })
        XCTAssertEqual(t.layers[0].weights, [0, 0.1, 0.2, 0.3])
        XCTAssertEqual(t.layers[0].biases, [0.4, 0.5])
        XCTAssertEqual(t.layers[1].weights, [0.6, 0.7])
        XCTAssertEqual(t.bias, 0.8)
        XCTAssertEqual(t.trace().layers[0].layer.weights, [0, 0.1, 0.2, 0.3])

        var noBias = try trainer("and", hidden: 2, bias: false)
        XCTAssertEqual(noBias.parameterNames, ["w1_1_1", "w1_1_2", "w1_2_1", "w1_2_2", "w2_1", "w2_2"])
        noBias.setParameter(5, to: 9)
        XCTAssertEqual(noBias.layers[1].weights[1], 9)
        XCTAssertNil(noBias.layers[0].biases)
        XCTAssertEqual(try trainer("xor", bias: false).parameterNames, ["w1", "w2", "w3"])
    }

    func testBiasesStayZeroWithoutBias() throws {
        var t = try trainer("xor", hidden: 4, bias: false)
        t.advance(by: 50)
        XCTAssertEqual(t.bias, 0)
        XCTAssertNil(t.trace().layers[0].biasGradient)
        var p = try trainer("notebook", bias: false)
        p.advance(by: 50)
        XCTAssertEqual(p.bias, 0)
    }

    func testPredictAndActivationsAreTheForwardPass() throws {
        for arithmetic in Arithmetic.allCases {
            var t = try Trainer(dataset: Dataset.named("xor"), model: ModelSpec(hiddenUnits: 4), arithmetic: arithmetic)
            t.advance(by: 9)
            let trace = t.trace()
            for i in 0..<4 {
                let x = Array(t.dataset.row(i))
                let a = t.activations(x)
                XCTAssertEqual(a.count, 2)
                XCTAssertEqual(a[0], Array(trace.layers[0].activations[(i * 4)..<(i * 4 + 4)]))
                XCTAssertEqual(t.predict(x), trace.predictions[i])
            }
        }
    }

    func testHiddenUnitsOutsideOneToSixteenAreRefused() throws {
        for bad in [0, 17, -1] {
            XCTAssertThrowsError(try trainer("xor", hidden: bad)) { error in
                XCTAssertEqual("\(error)", "hidden units '\(bad)' is not allowed: use a whole number from 1 to 16")
            }
        }
        XCTAssertNoThrow(try trainer("xor", hidden: 16))
    }

    func testSummaries() {
        XCTAssertEqual(ModelSpec.perceptron.summary(inputs: 3), "3-1 cross-entropy")
        XCTAssertEqual(ModelSpec(hiddenUnits: 4, loss: .squared).summary(inputs: 3), "3-4-1 squared")
        XCTAssertEqual(Preset.trask3Layer.model.summary(inputs: 3), "3-4-1 squared, no bias")
    }
}
