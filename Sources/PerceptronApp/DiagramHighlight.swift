import TerminalUI

/// What the diagram emphasises in explain mode: forward, the edges that carry the sample's sum
/// (inputs that are not 0) and the nodes it flows through; loss, ŷ against y; backward, each
/// edge's gradient with its sign; update, each edge's change.
struct DiagramHighlight {
    let phase: ExplainPhase
    private let gradients: [Double]
    private let changes: [Double]
    private let inputs: [Double]
    private let style: (Double) -> Style
    private let emphasis: Style
    private let ascii: Bool

    init(phase: ExplainPhase, _ c: ViewContext) {
        self.phase = phase
        gradients = c.trace.weightGradient + [c.trace.biasGradient]
        changes = zip(c.trace.weightsAfter + [c.trace.biasAfter], c.trace.weightsBefore + [c.trace.biasBefore]).map { $0 - $1 }
        inputs = Array(c.dataset.row(c.state.selectedSample))
        style = c.weightStyle
        emphasis = c.style(.highlight)
        ascii = c.glyphs.isASCII
    }

    /// The label of parameter `index`'s edge (the bias is the last), or nil to keep its value.
    func label(_ index: Int) -> (text: String, style: Style)? {
        let value: Double
        let prefix: String
        switch phase {
        case .backward where gradients.indices.contains(index): value = gradients[index]; prefix = ascii ? "d" : "∂"
        case .update where changes.indices.contains(index): value = changes[index]; prefix = ascii ? "D" : "Δ"
        default: return nil
        }
        return (prefix + DisplayFormat.signed(value, width: 6).trimmingLeadingSpaces, style(value).with(.underline))
    }

    /// Whether the edge of input `index` is emphasised (forward: it carries something into the sum).
    func emphasizesEdge(_ index: Int) -> Bool { phase == .forward && inputs.indices.contains(index) && inputs[index] != 0 }

    /// The style for Σ, σ and ŷ (forward) or ŷ and y (loss), or nil.
    func node(_ name: Node) -> Style? {
        switch (phase, name) {
        case (.forward, _), (.loss, .output), (.loss, .target): emphasis
        default: nil
        }
    }

    enum Node { case sum, sigmoid, output, target }
}
