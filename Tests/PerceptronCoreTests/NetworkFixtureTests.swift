import Foundation
import TestSupport
import XCTest
@testable import PerceptronCore

/// The engine against NumPy's runs of networks with a hidden layer, in process (the CLI tests run
/// a few of the same fixtures through `perceptron train`): every built-in data set, 1 to 16 hidden
/// units, both of OpenBLAS's x86-64 kernel sets, bit for bit.
final class NetworkFixtureTests: XCTestCase {
    /// Tests/Fixtures/train/SET/NAME.csv, made by scripts/make_fixtures.sh with scripts/reference.py (NumPy 2.4.6;
    /// `svml`: with its AVX-512 exp/log, the engine's default kernel; `libm`: with the C library's, as
    /// on a CPU without AVX-512; its OpenBLAS pinned to a kernel set with OPENBLAS_CORETYPE).
    private func fixture(_ name: String, set: String) throws -> [[Substring]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/train/\(set)/\(name).csv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",") }
    }

    /// Every printed state, bit for bit. Fixtures of large tables leave out the p columns: the
    /// columns they have are compared. (A file's table names the weights after its columns, as
    /// `train` does, so there only the number of columns is compared.)
    private func check(_ trainer: Trainer, against name: String, set: String = "svml") throws {
        var trainer = trainer
        let rows = try fixture(name, set: set)
        let names = ["step", "loss"] + trainer.parameterNames + (1...trainer.dataset.sampleCount).map { "p\($0)" }
        let header = rows.first.map { $0.map(String.init) } ?? []
        let expected = Array(names.prefix(max(header.count, 2 + trainer.parameterNames.count)))
        if trainer.dataset.columnNames == nil {
            XCTAssertEqual(header, expected, name)
        } else {
            XCTAssertEqual(header.count, expected.count, name)
        }
        XCTAssertGreaterThan(rows.count, 2, name)
        for row in rows.dropFirst() {
            let step = try XCTUnwrap(Int(row[0]))
            trainer.advance(by: step - trainer.step)
            let ours = ([trainer.loss()] + trainer.parameters + trainer.predictions()).prefix(header.count - 1)
            let numpy = row.dropFirst().map { Double($0) ?? .infinity }
            XCTAssertEqual(ours.count, numpy.count, name)
            for (k, (a, b)) in zip(ours, numpy).enumerated() where a.bitPattern != b.bitPattern && !(a.isNaN && b.isNaN) {
                XCTFail("\(name) (\(set)) state \(step) column \(k + 2): \(a) vs NumPy's \(b)")
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

    /// What NumPy computes on a CPU without AVX-512, where the engine's default is the C library's
    /// exp/log and OpenBLAS's Haswell orders (`--math libm --blas haswell`): networks with 2 to 16
    /// hidden units, squared error, no bias and a real-valued table, each with both kernel sets.
    /// The runs stop before glibc's FMA and SSE2 builds of exp/log part (scripts/make_fixtures.sh).
    func testLibmNetworksAreNumPysBitForBit() throws {
        if let reason = LibmFixtures.skipReason { throw XCTSkip(reason) }
        let xor = try Dataset.named("xor"), notebook = try Dataset.named("notebook")
        for kernels in MatrixKernels.allCases {
            let k = kernels.rawValue
            func libm(_ dataset: Dataset, seed: UInt32 = 1, lr: Double = 1, _ model: ModelSpec, threads: Int = 1) throws
                -> Trainer {
                try Trainer(dataset: dataset, seed: seed, learningRate: lr, model: model, arithmetic: .libm, kernels: kernels,
                            blasThreads: threads)
            }
            try check(libm(xor, ModelSpec(hiddenUnits: 4)), against: "net-xor-h4-\(k)", set: "libm")
            try check(libm(notebook, ModelSpec(hiddenUnits: 2)), against: "net-notebook-h2-\(k)", set: "libm")
            try check(libm(notebook, ModelSpec(hiddenUnits: 4)), against: "net-notebook-h4-\(k)", set: "libm")
            try check(libm(xor, ModelSpec(hiddenUnits: 2)), against: "net-xor-h2-steps200-\(k)", set: "libm")
            try check(libm(xor, ModelSpec(hiddenUnits: 16)), against: "net-xor-h16-steps50-\(k)", set: "libm")
            try check(libm(notebook, ModelSpec(hiddenUnits: 16)), against: "net-notebook-h16-steps45-\(k)", set: "libm")
            try check(libm(Dataset.named("or"), lr: 0.5, ModelSpec(hiddenUnits: 3, loss: .squared)),
                      against: "net-or-h3-squared-lr0.5-\(k)", set: "libm")
            try check(libm(xor, seed: 42, lr: 2, ModelSpec(hiddenUnits: 4, hasBias: false)),
                      against: "net-xor-h4-no-bias-seed42-lr2-steps250-\(k)", set: "libm")
            for (rows, inputs, seed, hidden) in [(128, 20, UInt32(19), 4), (130, 17, 34, 3)] {
                let table = GeneratedTable.dataset(rows: rows, inputs: inputs, seed: seed)
                try check(libm(table, lr: 0.5, ModelSpec(hiddenUnits: hidden)), against: "\(table.name)-h\(hidden)-t1-\(k)",
                          set: "libm")
            }
        }
    }

    /// The libm fixtures are not the svml ones: the tests above would prove nothing if the two
    /// exp/log kernels printed the same digits on these runs.
    func testLibmAndSVMLNetworkFixturesDiffer() throws {
        for kernels in MatrixKernels.allCases {
            let name = "net-xor-h4-\(kernels.rawValue)"
            XCTAssertNotEqual(try fixture(name, set: "libm").map { $0.map(String.init) },
                              try fixture(name, set: "svml").map { $0.map(String.init) }, name)
        }
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
