import PerceptronCore
import TerminalUI
import XCTest
@testable import PerceptronApp

/// The diagram with many inputs and the decision boundary panel, drawn into whole frames.
final class PanelTests: XCTestCase {
    /// 12 inputs, 5 samples: more inputs than the diagram gives edges to.
    private func wideTable(inputs n: Int = 12) -> Dataset {
        let rows = (0..<5).map { i in (0..<n).map { Double(($0 + i) % 3) } }
        return Dataset(name: "wide", summary: "\(n) inputs", rows: rows, targets: [0, 1, 1, 0, 1])
    }

    private func state(_ dataset: Dataset, width: Int, height: Int, theme: Theme = .standard) throws -> AppState {
        var state = AppState(trainer: try Trainer(dataset: dataset), running: false, width: width, height: height)
        state.themes = [theme]
        return state
    }

    private func diagramLines(_ state: AppState) -> [String] {
        let lines = view(state).plainText.split(separator: "\n").map(String.init)
        let end = lines.firstIndex { $0.hasPrefix("└") } ?? lines.count
        return Array(lines[0..<end])
    }

    func testManyInputsGetEightEdgesThenABundleNeverGarbled() throws {
        let lines = diagramLines(try state(wideTable(), width: 120, height: 40))
        let text = lines.joined(separator: "\n")
        for j in 1...8 {
            let name = "x" + DisplayFormat.subscriptDigits(j)
            XCTAssertEqual(lines.filter { $0.hasPrefix("│ \(name) ") }.count, 1, "\(name) once, at the start of a row:\n\(text)")
        }
        XCTAssertTrue(text.contains("│ x₉…x₁₂ "), text)
        XCTAssertTrue(text.contains(" 4 weights "), text)
        XCTAssertFalse(text.contains("x₁₀"), "x₁₀ is in the bundle, not a row of its own:\n\(text)")
    }

    func testManyInputsAt80x24FitTheRowsThereAre() throws {
        let lines = diagramLines(try state(wideTable(), width: 80, height: 24))
        let text = lines.joined(separator: "\n")
        let rows = lines.filter { $0.hasPrefix("│ x") }
        // Six rows inside the box: five inputs with an edge and the bundle of the other seven.
        XCTAssertEqual(rows.count, 6, text)
        for (j, row) in rows.dropLast().enumerated() {
            XCTAssertTrue(row.hasPrefix("│ x" + DisplayFormat.subscriptDigits(j + 1) + " "), text)
        }
        XCTAssertTrue(rows.last?.hasPrefix("│ x₆…x₁₂ ") ?? false, text)
    }

    func testTenInputsLineUpTheirValues() throws {
        let lines = diagramLines(try state(wideTable(inputs: 10), width: 200, height: 60))
        let rows = lines.filter { $0.hasPrefix("│ x") }
        XCTAssertEqual(rows.count, 9, lines.joined(separator: "\n"))
        // Every value starts in one column, after the widest name.
        let starts = Set(rows.dropLast().map { row in row.distance(from: row.startIndex, to: row.firstIndex(of: " ")!) })
        XCTAssertEqual(starts.count, 1)
    }

    private func boundary(_ state: AppState, width: Int = 40, height: Int = 14) -> Buffer {
        var s = state
        s.width = width
        s.height = height
        return view(s, panel: .boundary)
    }

    /// Colour: every plot cell is a half block whose two pixels are the class colours blended by
    /// ŷ; the side of each sample is the side its ŷ says; the contour is drawn.
    func testBoundaryShadesByPredictionAndDrawsTheContour() throws {
        var s = try state(Dataset.named("notebook"), width: 80, height: 24)
        s.fastForward(to: 300)
        let buffer = boundary(s)
        var sized = s
        (sized.width, sized.height) = (40, 14)
        let inner = BoundaryPanel.plotArea(sized, area: Rect(x: 0, y: 0, width: 40, height: 14))
        XCTAssertEqual(inner, Rect(x: 7, y: 1, width: 32, height: 12), "the vertical scale takes six columns")
        var halfBlocks = 0, contour = 0
        let curve = Theme.standard.style(.sigmoidCurve).foreground
        for y in inner.y..<inner.maxY {
            for x in inner.x..<inner.maxX where buffer[x, y].character == "▀" {
                halfBlocks += 1
                if buffer[x, y].style.foreground == curve || buffer[x, y].style.background == curve { contour += 1 }
            }
        }
        XCTAssertGreaterThan(halfBlocks, inner.width * inner.height - 4 * 3, "all but the samples (and a clear cell or so) are pixels")
        XCTAssertGreaterThan(contour, 6, "the ŷ = 0.5 line crosses the plot")
        // The notebook's y copies x₁: left (x₁ = 0) is class 0's colour, right class 1's.
        let zero = Theme.standard.style(.class0).foreground, one = Theme.standard.style(.class1).foreground
        func distance(_ a: Color, _ b: Color) -> Int {
            guard case .rgb(let r1, let g1, let b1) = a, case .rgb(let r2, let g2, let b2) = b else { return .max }
            return abs(Int(r1) - Int(r2)) + abs(Int(g1) - Int(g2)) + abs(Int(b1) - Int(b2))
        }
        let left = buffer[inner.x + 1, 7].style.foreground, right = buffer[inner.maxX - 2, 7].style.foreground
        XCTAssertLessThan(distance(left, zero), distance(left, one))
        XCTAssertLessThan(distance(right, one), distance(right, zero))
        // The samples' labels: four samples at three places ((0,1) twice), so three inside the plot.
        let labels = (inner.y..<inner.maxY).flatMap { y in (inner.x..<inner.maxX).map { buffer[$0, y].character } }
            .filter { $0 == "0" || $0 == "1" }
        XCTAssertEqual(labels.count, 3, buffer.plainText)
    }

    /// Without colour the shading is glyph density: class 0's side light, class 1's dense.
    func testBoundaryInMonoAndASCIIUsesGlyphDensity() throws {
        var ascii = Theme.standard
        ascii.glyphs = .ascii
        for theme in [try ThemeCatalog(searchDirectories: []).load("mono").theme, ascii] {
            var s = try state(Dataset.named("notebook"), width: 80, height: 24, theme: theme)
            s.fastForward(to: 300)
            let lines = boundary(s).lines
            var sized = s
            (sized.width, sized.height) = (40, 14)
            let plot = BoundaryPanel.plotArea(sized, area: Rect(x: 0, y: 0, width: 40, height: 14))
            let row = Array(Array(lines[7])[plot.x..<plot.maxX])
            XCTAssertTrue(" .".contains(row[1]), lines.joined(separator: "\n"))
            XCTAssertEqual(row[row.count - 2], "@", lines.joined(separator: "\n"))
            let contour: Set<Character> = theme.glyphs.isASCII ? ["/", "|", "-", "\\"] : ["╱", "│", "─", "╲"]
            XCTAssertTrue(row.contains { contour.contains($0) }, lines.joined(separator: "\n"))
            XCTAssertFalse(lines.joined().contains("▀"))
        }
    }

    /// With three inputs the title names both axes and the values the other inputs are held at.
    func testBoundaryTitleNamesTheAxesAndTheSlice() throws {
        var s = try state(Dataset.named("notebook"), width: 80, height: 24)
        s.selectedSample = 2
        s.boundaryAxes = AxisPair(horizontal: 1, vertical: 2)
        let title = boundary(s, width: 70).lines[0]
        XCTAssertTrue(title.contains("x₂→ x₃↑ · x₁=1 (sample 3)"), title)
    }

    /// The lesson of xor, as drawn: around each sample the region's colour is its own class's for
    /// the hidden net, but not for the perceptron, which cannot separate the classes.
    func testBoundaryShowsThePerceptronFailAndTheHiddenNetSucceedOnXor() throws {
        func sidesRight(_ model: ModelSpec) throws -> Int {
            var s = AppState(trainer: try Trainer(dataset: Dataset.named("xor"), model: model), running: false,
                             width: 40, height: 14)
            s.selectedSample = 0
            s.fastForward(to: 3000)
            let buffer = view(s, panel: .boundary)
            let zero = Theme.standard.style(.class0).foreground, one = Theme.standard.style(.class1).foreground
            func distance(_ a: Color, _ b: Color) -> Int {
                guard case .rgb(let r1, let g1, let b1) = a, case .rgb(let r2, let g2, let b2) = b else { return .max }
                return abs(Int(r1) - Int(r2)) + abs(Int(g1) - Int(g2)) + abs(Int(b1) - Int(b2))
            }
            let plot = BoundaryPanel.plotArea(s, area: buffer.area)
            var right = 0, seen = 0
            for y in plot.y..<plot.maxY {
                for x in plot.x..<plot.maxX where "01".contains(buffer[x, y].character) {
                    seen += 1
                    let region = buffer[x + (x < plot.x + plot.width / 2 ? 2 : -2), y].style.foreground
                    let nearerOne = distance(region, one) < distance(region, zero)
                    if nearerOne == (buffer[x, y].character == "1") { right += 1 }
                }
            }
            XCTAssertEqual(seen, 4, buffer.plainText)
            return right
        }
        XCTAssertEqual(try sidesRight(ModelSpec(hiddenUnits: 4)), 4)
        XCTAssertLessThan(try sidesRight(.perceptron), 4)
    }

    /// The network diagram: every hidden unit's row with its activation for the selected sample,
    /// and at 120×40 every edge's value.
    func testNetworkDiagramShowsUnitsActivationsAndEdgeValues() throws {
        let trainer = try Trainer(dataset: Dataset.named("xor"), model: ModelSpec(hiddenUnits: 4))
        var s = AppState(trainer: trainer, running: false, width: 120, height: 40)
        s.selectedSample = 1
        s.fastForward(to: 500)
        let text = view(s).plainText
        let hidden = s.trainer.layers[0], x = Array(s.trainer.dataset.row(1))
        let activations = s.trainer.activations(x)[0]
        for j in 0..<4 {
            let a = DisplayFormat.plain(activations[j], width: 4)
            XCTAssertTrue(text.contains("h" + DisplayFormat.subscriptDigits(j + 1) + " "), text)
            XCTAssertTrue(text.contains("▶ " + a), "h\(j + 1)'s activation \(a):\n\(text)")
            for i in 0..<3 {
                let w = DisplayFormat.signed(hidden.weights[i * 4 + j], width: 5).trimmingLeadingSpaces
                XCTAssertTrue(text.contains(w), "w1_\(i + 1)_\(j + 1) = \(w):\n\(text)")
            }
        }
        XCTAssertTrue(text.contains("Network 3-4-1 · sample 2 of 4"), text)
        XCTAssertTrue(text.contains("3-4-1 cross-entropy"), "the status bar names the model:\n\(text)")
        XCTAssertTrue(text.contains("Sigmoid σ(z) · output unit"), text)
    }

    /// Weights: at 80×24 the output layer's values; zoomed, the hidden layer's matrices too.
    func testNetworkWeightsShowTheOutputLayerAndZoomedEveryMatrix() throws {
        let trainer = try Trainer(dataset: Dataset.named("xor"), model: ModelSpec(hiddenUnits: 4))
        var s = AppState(trainer: trainer, running: false, width: 80, height: 24)
        s.fastForward(to: 200)
        let output = s.trainer.layers[1]
        let text = view(s).plainText
        for w in output.weights + (output.biases ?? []) {
            XCTAssertTrue(text.contains(DisplayFormat.signed(w, width: 8)), "\(w):\n\(text)")
        }
        s.zoomedPanel = .weights
        let zoomed = view(s).plainText
        for title in ["hidden", "∂L/∂w", "Δ step", "output"] { XCTAssertTrue(zoomed.contains(title + " "), zoomed) }
        for w in s.trainer.layers[0].weights {
            XCTAssertTrue(zoomed.contains(DisplayFormat.signed(w, width: 7)), "\(w):\n\(zoomed)")
        }
    }

    /// One input: the plane is a line of ŷ along x₁, the samples on the middle row; a run that
    /// diverged (NaN everywhere) still draws, with no contour.
    func testBoundaryWithOneInputAndAfterDivergence() throws {
        let line = Dataset(name: "line", summary: "one input", rows: [[0], [1], [2], [3]], targets: [0, 0, 1, 1])
        var s = try state(line, width: 80, height: 24)
        s.fastForward(to: 200)
        let one = boundary(s).lines
        XCTAssertTrue(one[0].contains("boundary · x₁→ ─"), one.joined(separator: "\n"))
        XCTAssertEqual(one.joined().filter { $0 == "0" || $0 == "1" }.count >= 4, true, one.joined(separator: "\n"))

        var mono = Theme.standard
        mono.glyphs = .ascii
        var wild = AppState(trainer: try Trainer(dataset: Dataset.named("xor"), learningRate: 1e6,
                                                 model: ModelSpec(hiddenUnits: 4)), running: false, width: 40, height: 12)
        wild.themes = [mono]
        wild.fastForward(to: 50)
        let text = view(wild, panel: .boundary).plainText
        XCTAssertEqual(text.split(separator: "\n").count, 12, text)
    }
}
