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

/// The network diagram's share of explain mode. Gradients of hidden weights are often far below
/// the ≈0 of the weight glyphs, so backward and update mark every edge with the sign alone (always
/// legible), and values only where there is room.
struct NetworkHighlight: Sendable {
    let phase: ExplainPhase
    /// Like the hidden layer's weights: ∂L/∂w (backward) or the step's change (update).
    var hiddenEdges: [Double]
    /// One per hidden unit: ∂L/∂w or the change of its edge to the output.
    var outputEdges: [Double]
    /// One per hidden unit: the selected sample's dz1 (backward).
    var hiddenDz: [Double]
    /// The selected sample's dz of the output unit.
    var outputDz: Double
    /// ∂L/∂b or the change of the output bias; nil without a bias.
    var outputBias: Double?

    init(phase: ExplainPhase, _ c: ViewContext) {
        let hidden = c.trace.layers[0], output = c.trace.layers[c.trace.layers.count - 1]
        let sample = c.state.selectedSample, h = hidden.layer.unitCount
        self.phase = phase
        hiddenDz = Array(hidden.dz[(sample * h)..<((sample + 1) * h)])
        outputDz = output.dz[sample]
        if phase == .update {
            hiddenEdges = zip(hidden.after.weights, hidden.layer.weights).map { $0 - $1 }
            outputEdges = zip(output.after.weights, output.layer.weights).map { $0 - $1 }
            outputBias = zip(output.after.biases ?? [], output.layer.biases ?? []).map { $0 - $1 }.first
        } else {
            hiddenEdges = hidden.weightGradient
            outputEdges = output.weightGradient
            outputBias = output.biasGradient?.first
        }
    }

    /// Whether edges show a mark of their own (the gradient's or the change's sign).
    var marksEdges: Bool { phase == .backward || phase == .update }

    /// The mark for a value: its sign (backward) or its direction (update); a dot for exactly 0.
    func mark(_ value: Double, ascii: Bool) -> String {
        if value == 0 || !value.isFinite { return ascii ? "." : "·" }
        switch phase {
        case .update: return value > 0 ? (ascii ? "^" : "↑") : (ascii ? "v" : "↓")
        default: return value > 0 ? "+" : (ascii ? "-" : "−")
        }
    }

    /// "∂" for gradients, "Δ" for changes.
    func prefix(ascii: Bool) -> String { phase == .update ? (ascii ? "D" : "Δ") : (ascii ? "d" : "∂") }
}
