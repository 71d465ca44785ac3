import Foundation
import TestSupport
import XCTest

/// A hidden layer and the decision boundary in the real terminal: `--data xor --hidden 4` learns
/// xor on screen, the boundary zooms with 6 and changes its axes with a.
final class NetworkScreenEndToEndTests: XCTestCase {
    func testHiddenNetOnXorTrainsLiveAndTheBoundaryKeysWork() throws {
        let session = try TmuxSession(arguments: [perceptronExecutablePath(), "--data", "xor", "--hidden", "4", "--paused",
                                                  "--theme", "default"],
                                      width: 80, height: 24)
        // The network's diagram, the model on the status bar, the boundary in half blocks.
        _ = try session.waitUntil(timeout: .seconds(10)) { screen in
            ["Network 3-4-1 · sample 1 of 4", "xor 3-4-1", "Boundary x₁→ x₂↑", "▀"].allSatisfy { screen.contains($0) }
        }
        // Run fast until every sample is classified right: the hidden net learns xor.
        try session.sendKeys("+", "+", "+", "+", "+", " ")
        _ = try session.waitUntil(timeout: .seconds(30)) { $0.components(separatedBy: "✓ right").count - 1 == 4 }
        try session.sendKeys(" ")
        try session.sendKeys("6")
        // Alone on the screen: the other panels are gone.
        _ = try session.waitUntil(timeout: .seconds(10)) {
            $0.contains("Decision boundary · x₁→ x₂↑ · x₃=1 (sample 1)") && !$0.contains("Predictions")
        }
        try session.sendKeys("a")
        _ = try session.waitFor("Decision boundary · x₁→ x₃↑ · x₂=0 (sample 1)")
        try session.sendKeys("A", "6")
        _ = try session.waitFor("Boundary x₁→ x₂↑")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }
}
