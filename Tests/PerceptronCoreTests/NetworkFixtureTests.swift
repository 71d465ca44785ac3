import Foundation
import XCTest
@testable import PerceptronCore

/// The engine against NumPy's runs of networks with a hidden layer, in process (the CLI tests run
/// a few of the same fixtures through `perceptron train`): every built-in data set, 1 to 16 hidden
/// units, both of OpenBLAS's x86-64 kernel sets, bit for bit.
final class NetworkFixtureTests: XCTestCase {
    /// Tests/Fixtures/train/svml/NAME.csv, made by scripts/make_fixtures.sh with scripts/reference.py (NumPy 2.4.6
    /// with its AVX-512 exp/log, the engine's default kernel; its OpenBLAS pinned to a kernel set with
    /// OPENBLAS_CORETYPE).
    private func fixture(_ name: String) throws -> [[Substring]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/train/svml/\(name).csv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",") }
    }

    private func check(_ trainer: Trainer, against name: String) throws {
        var trainer = trainer
        let rows = try fixture(name)
        XCTAssertEqual(rows.first.map { $0.map(String.init) }, ["step", "loss"] + trainer.parameterNames
                       + (1...trainer.dataset.sampleCount).map { "p\($0)" }, name)
        for row in rows.dropFirst() {
            let step = try XCTUnwrap(Int(row[0]))
            trainer.advance(by: step - trainer.step)
            let ours = [trainer.loss()] + trainer.parameters + trainer.predictions()
            let numpy = row.dropFirst().map { Double($0) ?? .infinity }
            XCTAssertEqual(ours.count, numpy.count, name)
            for (k, (a, b)) in zip(ours, numpy).enumerated() where a.bitPattern != b.bitPattern && !(a.isNaN && b.isNaN) {
                XCTFail("\(name) state \(step) column \(k + 2): \(a) vs NumPy's \(b)")
                return
            }
        }
    }

    func testEveryDataSetAndHiddenSizeIsNumPysBitForBit() throws {
        for kernels in MatrixKernels.allCases {
            for data in ["notebook", "trask", "xor", "and", "or"] {
                for h in [1, 2, 4, 8, 16] {
                    let trainer = try Trainer(dataset: Dataset.named(data), model: ModelSpec(hiddenUnits: h), kernels: kernels)
                    try check(trainer, against: "net-\(data)-h\(h)-\(kernels.rawValue)")
                }
            }
        }
    }

    func testSquaredErrorNoBiasAndDivergenceAreNumPysBitForBit() throws {
        for kernels in MatrixKernels.allCases {
            let k = kernels.rawValue
            try check(Trainer(preset: .trask3Layer, kernels: kernels), against: "net-trask-3layer-\(k)")
            try check(Trainer(dataset: Dataset.named("or"), learningRate: 0.5,
                              model: ModelSpec(hiddenUnits: 3, loss: .squared), kernels: kernels),
                      against: "net-or-h3-squared-lr0.5-\(k)")
            try check(Trainer(dataset: Dataset.named("notebook"), seed: 7,
                              model: ModelSpec(hiddenUnits: 8, loss: .squared), kernels: kernels),
                      against: "net-notebook-h8-squared-seed7-\(k)")
            try check(Trainer(dataset: Dataset.named("xor"), seed: 42, learningRate: 2,
                              model: ModelSpec(hiddenUnits: 4, hasBias: false), kernels: kernels),
                      against: "net-xor-h4-no-bias-seed42-lr2-\(k)")
            try check(Trainer(dataset: Dataset.named("xor"), learningRate: 1e4, model: ModelSpec(hiddenUnits: 16),
                              kernels: kernels),
                      against: "net-xor-h16-lr1e4-\(k)")
        }
        try check(Trainer(preset: .trask2Layer), against: "trask-2layer")
        try check(Trainer(dataset: Dataset.named("xor"), model: ModelSpec(loss: .squared)), against: "xor-squared")
        try check(Trainer(dataset: Dataset.named("and"), model: ModelSpec(hasBias: false)), against: "and-no-bias")
    }

    /// The two kernel sets really differ on these runs, so each fixture pins its own.
    func testTheKernelSetsGiveDifferentLastDigits() throws {
        var haswell = try Trainer(dataset: Dataset.named("xor"), model: ModelSpec(hiddenUnits: 4), kernels: .haswell)
        var skylakeX = try Trainer(dataset: Dataset.named("xor"), model: ModelSpec(hiddenUnits: 4), kernels: .skylakeX)
        haswell.advance(by: 2000)
        skylakeX.advance(by: 2000)
        XCTAssertNotEqual(haswell.parameters, skylakeX.parameters)
        for (a, b) in zip(haswell.parameters, skylakeX.parameters) { XCTAssertEqual(a, b, accuracy: 1e-12 * max(1, abs(a))) }
    }
}
