/// Every intermediate value of one gradient step, from state k to state k+1, for "explain this step" views.
/// Computed with exactly the arithmetic of the training loop, so its numbers are the ones the run uses.
/// The flat fields are the output layer's (a perceptron's only layer); `layers` has every layer.
public struct StepTrace: Sendable, Equatable {
    /// k: the state whose forward pass this is.
    public var step: Int
    /// Parameters of state k.
    public var weightsBefore: [Double]
    public var biasBefore: Double
    /// z = X·W + b, one per sample.
    public var z: [Double]
    /// A = σ(z): the predictions ŷ.
    public var predictions: [Double]
    /// Each sample's term: cross-entropy's y·log A + (1−y)·log(1−A) (before the −1/m), squared
    /// error's (y − A)² (before the ½).
    public var lossTerms: [Double]
    /// The model's loss: −(1/m)·Σ terms, or ½·Σ terms for squared error.
    public var loss: Double
    /// Which loss `lossTerms` and `loss` are.
    public var lossKind: Loss
    /// dL/dz of the output unit: A − y for cross-entropy, −(y − A)·A·(1 − A) for squared error.
    public var dz: [Double]
    /// dW: (1/m)·Aᵀ·dz for cross-entropy (A the layer's inputs), Aᵀ·dz for squared error.
    public var weightGradient: [Double]
    /// db, the mean or the sum of dz like dW; 0 when the model has no bias.
    public var biasGradient: Double
    /// The learning rate the update uses.
    public var learningRate: Double
    /// Parameters of state k+1: W − α·dW and b − α·db.
    public var weightsAfter: [Double]
    public var biasAfter: Double
    /// Every layer's part of the step, in the order of `Trainer.layers` (the output layer last).
    public var layers: [LayerTrace]

    /// Each sample's own share of the loss, growing with its error (see `Loss.sampleLoss(fromTerm:)`).
    public var sampleLosses: [Double] { lossTerms.map(lossKind.sampleLoss(fromTerm:)) }
}
