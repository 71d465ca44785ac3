/// What a model minimises.
public enum Loss: String, Sendable, CaseIterable {
    /// The notebook's −(1/m)·Σ[y·log A + (1−y)·log(1−A)].
    case crossEntropy = "cross-entropy"
    /// Trask's ½·Σ(y−A)²: a sum over the samples, not a mean, so its gradient has no 1/m.
    case squared

    /// One sample's own share of the loss, from its term in `StepTrace.lossTerms`, as a number
    /// that grows with the error: −term for cross-entropy (the loss is their mean), ½·term for
    /// squared error (the loss is their sum).
    public func sampleLoss(fromTerm term: Double) -> Double {
        switch self {
        case .crossEntropy: -term
        case .squared: 0.5 * term
        }
    }
}

/// The shape of a model: a perceptron, or one hidden layer of sigmoid units before the output unit.
public struct ModelSpec: Sendable, Equatable {
    /// nil: the perceptron; 1…16: one hidden layer of that many units.
    public var hiddenUnits: Int?
    public var loss: Loss
    public var hasBias: Bool

    public static let hiddenUnitRange = 1...16

    /// The notebook's model: one sigmoid unit, cross-entropy, a bias.
    public static let perceptron = ModelSpec(hiddenUnits: nil, loss: .crossEntropy, hasBias: true)

    public init(hiddenUnits: Int? = nil, loss: Loss = .crossEntropy, hasBias: Bool = true) {
        self.hiddenUnits = hiddenUnits
        self.loss = loss
        self.hasBias = hasBias
    }

    /// "3-1 cross-entropy", "3-4-1 squared, no bias": the layer sizes and the loss, for the status bar.
    public func summary(inputs: Int) -> String {
        let shape = ([inputs] + (hiddenUnits.map { [$0] } ?? []) + [1]).map(String.init).joined(separator: "-")
        return shape + " " + loss.rawValue + (hasBias ? "" : ", no bias")
    }
}

/// The current parameters of one layer.
public struct Layer: Sendable, Equatable {
    /// "hidden" or "output".
    public var name: String
    public var inputCount: Int
    public var unitCount: Int
    /// inputCount × unitCount, input-major: `weights[i * unitCount + j]` joins input i to unit j.
    public var weights: [Double]
    /// One per unit; nil when the model has no bias.
    public var biases: [Double]?

    public init(name: String, inputCount: Int, unitCount: Int, weights: [Double], biases: [Double]?) {
        self.name = name
        self.inputCount = inputCount
        self.unitCount = unitCount
        self.weights = weights
        self.biases = biases
    }
}

/// One layer's part of a gradient step over the m samples.
public struct LayerTrace: Sendable, Equatable {
    /// The parameters the step starts from.
    public var layer: Layer
    /// m × units, sample-major: the weighted sums (plus bias).
    public var z: [Double]
    /// m × units: σ(z).
    public var activations: [Double]
    /// m × units: the loss's gradient with respect to z.
    public var dz: [Double]
    /// Like `layer.weights`: the loss's gradient with respect to each weight.
    public var weightGradient: [Double]
    /// One per unit; nil when the model has no bias.
    public var biasGradient: [Double]?
    /// The parameters after the update.
    public var after: Layer

    public init(layer: Layer, z: [Double], activations: [Double], dz: [Double], weightGradient: [Double],
                biasGradient: [Double]?, after: Layer) {
        self.layer = layer
        self.z = z
        self.activations = activations
        self.dz = dz
        self.weightGradient = weightGradient
        self.biasGradient = biasGradient
        self.after = after
    }
}

/// Trask's two networks from "A neural network in 11 lines of Python", set up as he wrote them.
public enum Preset: String, CaseIterable, Sendable {
    /// Inputs straight to one sigmoid output, on his table where y copies x1.
    case trask2Layer = "trask-2layer"
    /// Four hidden units, on XOR, which the 2-layer net cannot learn.
    case trask3Layer = "trask-3layer"

    public var datasetName: String {
        switch self {
        case .trask2Layer: "trask"
        case .trask3Layer: "xor"
        }
    }

    public var seed: UInt32 { 1 }

    /// His code has no learning rate: its updates are α = 1.
    public var learningRate: Double { 1 }

    public var model: ModelSpec {
        switch self {
        case .trask2Layer: ModelSpec(hiddenUnits: nil, loss: .squared, hasBias: false)
        case .trask3Layer: ModelSpec(hiddenUnits: 4, loss: .squared, hasBias: false)
        }
    }
}

extension Trainer {
    /// Trask's network as he set it up: his data, seed 1, α = 1, his shape, squared error, no bias.
    public init(preset: Preset, arithmetic: Arithmetic = .svml, kernels: MatrixKernels = .native,
                blasThreads: Int = BLASThreads.native) throws(EngineError) {
        try self.init(dataset: Dataset.named(preset.datasetName), seed: preset.seed, learningRate: preset.learningRate,
                      model: preset.model, arithmetic: arithmetic, kernels: kernels, blasThreads: blasThreads)
    }
}
