import Foundation
import XCTest
@testable import PerceptronCore

/// The numbers Trask published in "A neural network in 11 lines of Python" (iamtrask.github.io,
/// 2015), reproduced by his presets, with either exp/log.
final class TraskTests: XCTestCase {
    /// His 2-layer net prints "Output After Training:" [[0.00966449] [0.00786506] [0.99358898]
    /// [0.99211957]]: the forward pass of his loop's last iteration, state 9,999 of 10,000 updates.
    func testTwoLayerOutputAfterTraining() throws {
        for arithmetic in Arithmetic.allCases {
            var trainer = try Trainer(preset: .trask2Layer, arithmetic: arithmetic)
            XCTAssertEqual(trainer.dataset.name, "trask")
            XCTAssertNil(trainer.model.hiddenUnits)
            trainer.advance(by: 9_999)
            let printed = trainer.predictions().map { String(format: "%.8f", $0) }
            XCTAssertEqual(printed, ["0.00966449", "0.00786506", "0.99358898", "0.99211957"], "\(arithmetic)")
        }
    }

    /// His 3-layer net prints "Error:" + str(np.mean(np.abs(l2_error))) every 10,000 steps; his
    /// Python 2 `str` shows 12 significant digits: Error:0.496410031903 at step 0 and
    /// Error:0.00858452565325 at step 10,000.
    func testThreeLayerErrors() throws {
        for arithmetic in Arithmetic.allCases {
            var trainer = try Trainer(preset: .trask3Layer, arithmetic: arithmetic)
            XCTAssertEqual(trainer.model.summary(inputs: trainer.dataset.inputCount), "3-4-1 squared, no bias")
            XCTAssertEqual(Self.error(trainer), "0.496410031903", "\(arithmetic)")
            trainer.advance(by: 10_000)
            XCTAssertEqual(Self.error(trainer), "0.00858452565325", "\(arithmetic)")
        }
    }

    private static func error(_ trainer: Trainer) -> String {
        let p = trainer.predictions(), y = trainer.dataset.targets
        let mean = zip(y, p).map { abs($0 - $1) }.reduce(0, +) / Double(p.count)
        return String(format: "%.12g", mean)
    }

    func testPresetsAreHisSetUp() {
        XCTAssertEqual(Preset.trask2Layer.model, ModelSpec(hiddenUnits: nil, loss: .squared, hasBias: false))
        XCTAssertEqual(Preset.trask3Layer.model, ModelSpec(hiddenUnits: 4, loss: .squared, hasBias: false))
        XCTAssertEqual(Preset.trask3Layer.datasetName, "xor")
        XCTAssertEqual(Preset.allCases.map(\.seed), [1, 1])
        XCTAssertEqual(Preset.allCases.map(\.learningRate), [1, 1])
    }
}
