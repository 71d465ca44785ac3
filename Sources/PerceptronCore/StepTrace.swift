/// Every intermediate value of one gradient step, from state k to state k+1, for "explain this step" views.
/// Computed with exactly the arithmetic of the training loop, so its numbers are the ones the run uses.
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
    /// Each sample's term y·log A + (1−y)·log(1−A) (before the −1/m).
    public var lossTerms: [Double]
    /// L = −(1/m)·Σ terms.
    public var loss: Double
    /// dz = A − y.
    public var dz: [Double]
    /// dW = (1/m)·Xᵀ·dz.
    public var weightGradient: [Double]
    /// db = (1/m)·Σ dz.
    public var biasGradient: Double
    /// The learning rate the update uses.
    public var learningRate: Double
    /// Parameters of state k+1: W − α·dW and b − α·db.
    public var weightsAfter: [Double]
    public var biasAfter: Double
}
