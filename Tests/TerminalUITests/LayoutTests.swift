import XCTest
@testable import TerminalUI

final class LayoutTests: XCTestCase {
    private func widths(_ constraints: [Constraint], total: Int, spacing: Int = 0) -> [Int] {
        Rect(x: 0, y: 0, width: total, height: 1).split(.horizontal, constraints, spacing: spacing).map(\.width)
    }

    func testLengthsAndFill() {
        let parts = Rect(x: 2, y: 1, width: 10, height: 3).split(.horizontal, [.length(3), .fill(1), .length(2)])
        XCTAssertEqual(parts, [
            Rect(x: 2, y: 1, width: 3, height: 3),
            Rect(x: 5, y: 1, width: 5, height: 3),
            Rect(x: 10, y: 1, width: 2, height: 3),
        ])
    }

    func testVerticalSplit() {
        let parts = Rect(x: 0, y: 0, width: 4, height: 10).split(.vertical, [.length(1), .fill(1), .length(1)])
        XCTAssertEqual(parts.map(\.y), [0, 1, 9])
        XCTAssertEqual(parts.map(\.height), [1, 8, 1])
        XCTAssertEqual(parts.map(\.width), [4, 4, 4])
    }

    func testPercentagesLeftoverGoesToLast() {
        XCTAssertEqual(widths([.percentage(50), .percentage(50)], total: 10), [5, 5])
        XCTAssertEqual(widths([.percentage(33), .percentage(33), .percentage(33)], total: 10), [3, 3, 4])
    }

    func testFillWeights() {
        XCTAssertEqual(widths([.fill(1), .fill(3)], total: 10), [3, 7])
        XCTAssertEqual(widths([.fill(1), .fill(1), .fill(1)], total: 10), [4, 3, 3])
        XCTAssertEqual(widths([.fill(0), .fill(0)], total: 5), [3, 2])
    }

    func testMinGrowsWithoutFill() {
        XCTAssertEqual(widths([.min(2), .length(3)], total: 10), [7, 3])
        XCTAssertEqual(widths([.min(2), .fill(1)], total: 10), [2, 8])
    }

    func testRatio() {
        XCTAssertEqual(widths([.ratio(1, 3), .fill(1)], total: 9), [3, 6])
        XCTAssertEqual(widths([.ratio(1, 0), .fill(1)], total: 9), [0, 9])
    }

    func testOverflowShrinksProportionally() {
        XCTAssertEqual(widths([.length(4), .length(4)], total: 5), [3, 2])
        XCTAssertEqual(widths([.length(10), .min(10), .fill(1)], total: 4), [2, 2, 0])
    }

    func testSpacing() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 1).split(.horizontal, [.fill(1), .fill(1)], spacing: 2)
        XCTAssertEqual(parts.map(\.x), [0, 6])
        XCTAssertEqual(parts.map(\.width), [4, 4])
        // Spacing larger than the rect shrinks instead of going negative.
        XCTAssertEqual(widths([.fill(1), .fill(1), .fill(1)], total: 3, spacing: 5), [1, 0, 0])
    }

    func testDegenerateInputs() {
        XCTAssertEqual(widths([], total: 10), [])
        XCTAssertEqual(widths([.length(3), .fill(1)], total: 0), [0, 0])
        XCTAssertEqual(widths([.length(-5), .percentage(200)], total: 10), [0, 10])
        XCTAssertEqual(widths([.length(Int.max), .length(Int.max)], total: 7), [4, 3])
    }

    func testPartsAlwaysCoverTheRectExactly() {
        let pool: [Constraint] = [.length(0), .length(3), .length(50), .percentage(10), .percentage(70),
                                  .ratio(2, 5), .min(4), .fill(1), .fill(3), .fill(0), .length(-2)]
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % n
        }
        for _ in 0..<2000 {
            let count = 1 + next(5)
            let constraints = (0..<count).map { _ in pool[next(pool.count)] }
            let total = next(120)
            let spacing = next(3)
            let parts = Rect(x: 5, y: 0, width: total, height: 1).split(.horizontal, constraints, spacing: spacing)
            XCTAssertEqual(parts.count, count)
            XCTAssertTrue(parts.allSatisfy { $0.width >= 0 })
            XCTAssertEqual(parts.first?.x, 5)
            for (a, b) in zip(parts, parts.dropFirst()) { XCTAssertGreaterThanOrEqual(b.x, a.maxX) }
            XCTAssertEqual(parts.last?.maxX, 5 + total, "\(constraints) in \(total) spacing \(spacing)")
        }
    }

    func testCenteredAndInset() {
        let r = Rect(x: 0, y: 0, width: 20, height: 10)
        XCTAssertEqual(r.centered(width: 10, height: 4), Rect(x: 5, y: 3, width: 10, height: 4))
        XCTAssertEqual(r.centered(width: 50, height: 50), r)
        XCTAssertEqual(r.inset(horizontal: 2, vertical: 1), Rect(x: 2, y: 1, width: 16, height: 8))
        XCTAssertEqual(r.inset(horizontal: 30, vertical: 1).width, 0)
    }
}
