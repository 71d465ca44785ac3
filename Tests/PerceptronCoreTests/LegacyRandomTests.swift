import XCTest
@testable import PerceptronCore

/// Reference values printed by `python3 scripts/make_random_reference.py` (NumPy 2.4.6's legacy
/// RandomState); regenerate them with that script, never by hand.
final class LegacyRandomTests: XCTestCase {
    /// (seed, first three raw outputs, outputs 625…627, which come after the first twist)
    static let rawOutputs: [(UInt32, [UInt32], [UInt32])] = [
        (0, [2357136044, 2546248239, 3071714933], [341544762, 1076416385, 384842097]),
        (1, [1791095845, 4282876139, 3093770124], [1104314680, 939235918, 476274519]),
        (2, [1872583848, 794921487, 111352301], [4153719273, 990185867, 2869464792]),
        (42, [1608637542, 3421126067, 4083286876], [108880612, 791707097, 4134543476]),
        (12345, [3992670690, 3823185381, 1358822685], [3957348375, 3514278914, 622445323]),
        (2147483648, [652847386, 1439962116, 3524204305], [2355930816, 862435388, 2815033455]),
        (4294967295, [419326371, 479346978, 3918654476], [3860652269, 657474326, 948840071]),
    ]

    /// (seed, `2*np.random.random((3,1)) - 1`, then `2*np.random.random((2,1)) - 1` from the same stream)
    static let weights: [(UInt32, [Double], [Double])] = [
        (0, [0.0976270078546495, 0.43037873274483895, 0.20552675214328775], [0.08976636599379373, -0.15269040132219058]),
        (1, [-0.165955990594852, 0.4406489868843162, -0.9997712503653102], [-0.39533485473632046, -0.7064882183657739]),
        (2, [-0.12801019571599248, -0.9481475363442173, 0.09932495575741829], [-0.12935521476344625, -0.15926439582502194]),
        (42, [-0.250919762305275, 0.9014286128198323, 0.4639878836228102], [0.1973169683940732, -0.687962719115127]),
        (12345, [0.8592321856342957, -0.3672488908364282, -0.6321623766458111], [-0.5908794428939206, 0.1354500581633733]),
        (2147483648, [-0.6959942529310688, 0.6410855108595932, 0.5509965741969811], [0.08214434086690181, -0.3156842972880447]),
        (4294967295, [-0.8047359420119724, 0.8247656906052436, 0.5780706037032799], [0.5600071962269355, -0.9641206520265095]),
    ]

    func testRawOutputsMatchNumPy() {
        for (seed, first, afterTwist) in Self.rawOutputs {
            var random = LegacyRandom(seed: seed)
            let outputs = (0..<627).map { _ in random.nextUInt32() }
            XCTAssertEqual(Array(outputs[0..<3]), first, "seed \(seed)")
            XCTAssertEqual(Array(outputs[624..<627]), afterTwist, "seed \(seed)")
        }
    }

    func testUniformWeightsMatchNumPyBitForBit() {
        for (seed, first, second) in Self.weights {
            var random = LegacyRandom(seed: seed)
            XCTAssertEqual(random.uniformWeights(count: 3).map(\.bitPattern), first.map(\.bitPattern), "seed \(seed)")
            XCTAssertEqual(random.uniformWeights(count: 2).map(\.bitPattern), second.map(\.bitPattern), "seed \(seed)")
        }
    }

    func testMathMdKnownValues() {
        var random = LegacyRandom(seed: 1)
        XCTAssertEqual((0..<3).map { _ in random.nextDouble() },
                       [0.417022004702574, 0.7203244934421581, 0.00011437481734488664])
    }

    func testSeedsOutsideNumPysRangeAreRefused() {
        XCTAssertThrowsError(try LegacyRandom(checkedSeed: -1)) { error in
            XCTAssertEqual(error as? EngineError, .seedOutOfRange("-1"))
        }
        XCTAssertThrowsError(try LegacyRandom(checkedSeed: 4_294_967_296))
        XCTAssertNoThrow(try LegacyRandom(checkedSeed: 4_294_967_295))
        XCTAssertNoThrow(try LegacyRandom(checkedSeed: 0))
    }
}
