/// Trains the notebook's perceptron (sigmoid, cross-entropy, gradient descent) one step at a time,
/// reproducing NumPy's arithmetic bit for bit: its order of evaluation and summation, and the
/// exp/log NumPy uses on the chosen kind of CPU (`arithmetic`).
///
/// State k is the model after k updates. Nothing per step is kept: advancing allocates nothing,
/// and the loss is computed only when asked for.
public struct Trainer: Sendable {
    public let dataset: Dataset
    public let seed: UInt32
    /// The exp/log kernel every step uses.
    public let arithmetic: Arithmetic
    /// α. May change between steps (the visualiser's live learning-rate keys) through `setLearningRate`.
    public private(set) var learningRate: Double
    /// k, the number of updates made so far.
    public private(set) var step: Int = 0
    /// W of state k.
    public var weights: [Double] { storage.weights }
    /// b of state k.
    public var bias: Double { storage.bias }

    private var storage: Storage

    /// Initialises W as `np.random.seed(seed); 2*np.random.random((n,1)) - 1`, b = 0.
    public init(dataset: Dataset, seed: UInt32 = 1, learningRate: Double = 1,
                arithmetic: Arithmetic = .svml) throws(EngineError) {
        guard learningRate.isFinite, learningRate > 0 else { throw .invalidLearningRate(String(learningRate)) }
        var random = LegacyRandom(seed: seed)
        self.dataset = dataset
        self.seed = seed
        self.arithmetic = arithmetic
        self.learningRate = learningRate
        storage = Storage(dataset: dataset, weights: random.uniformWeights(count: dataset.inputCount))
    }

    /// Changes α for the steps that follow; refuses what is not finite and positive.
    public mutating func setLearningRate(_ alpha: Double) throws(EngineError) {
        guard alpha.isFinite, alpha > 0 else { throw .invalidLearningRate(String(alpha)) }
        learningRate = alpha
    }

    /// Makes `count` gradient steps (state k → k+count).
    public mutating func advance(by count: Int = 1) {
        var none = NoObserver()
        advance(by: count, observer: &none)
    }

    /// Makes `count` gradient steps and hands `observe` the loss of every state it leaves
    /// (k, k+1, …, k+count−1), computed from the forward pass the step makes anyway, with the
    /// same bits as `loss()` for that state. Costs the loss's logs per step; `advance(by:)` does not.
    public mutating func advance(by count: Int, observingLoss observe: (_ step: Int, _ loss: Double) -> Void) {
        withoutActuallyEscaping(observe) { observe in
            var observer = ClosureObserver(step: step, observe: observe)
            advance(by: count, observer: &observer)
        }
    }

    private mutating func advance<O: StepObserver>(by count: Int, observer: inout O) {
        guard count > 0 else { return }
        switch arithmetic {
        case .svml: storage.advance(count, learningRate: learningRate, SVMLKernel.self, &observer)
        case .libm: storage.advance(count, learningRate: learningRate, LibmKernel.self, &observer)
        }
        step += count
    }

    /// Every parameter of state k, flat, in the order of `parameterNames` (and of `train`'s columns).
    public var parameters: [Double] { storage.weights + [storage.bias] }

    /// The parameters' names as `train`'s CSV header spells them: w1…wn, then b.
    public var parameterNames: [String] { (1...dataset.inputCount).map { "w\($0)" } + ["b"] }

    /// Sets parameter `index` (an index into `parameters`) to `value`: a hand edit. The step count
    /// stays; the next step starts from the edited state.
    public mutating func setParameter(_ index: Int, to value: Double) {
        precondition(parameters.indices.contains(index), "parameter index out of range")
        if index < storage.weights.count { storage.weights[index] = value } else { storage.bias = value }
    }

    /// ŷ of state k for any input x (n values), with the arithmetic of the forward pass: for
    /// pictures of the whole input space.
    public func predict(_ x: [Double]) -> Double {
        precondition(x.count == dataset.inputCount, "one value per input")
        return switch arithmetic {
        case .svml: storage.predict(x, SVMLKernel.self)
        case .libm: storage.predict(x, LibmKernel.self)
        }
    }

    /// The predictions ŷ = σ(X·W + b) of state k.
    public func predictions() -> [Double] { trace().predictions }

    /// The cross-entropy loss of state k (may be +inf or NaN after divergence, as in NumPy).
    public func loss() -> Double { trace().loss }

    /// Every intermediate value of the step from state k to k+1.
    public func trace() -> StepTrace {
        switch arithmetic {
        case .svml: storage.trace(step: step, learningRate: learningRate, SVMLKernel.self)
        case .libm: storage.trace(step: step, learningRate: learningRate, LibmKernel.self)
        }
    }
}

extension Trainer {
    /// The parameters plus scratch space, flat and fixed-size so a step runs on raw pointers.
    struct Storage: Sendable {
        let n: Int
        let m: Int
        let inputs: [Double]
        let targets: [Double]
        var weights: [Double]
        var bias: Double = 0
        /// Holds A − y (m values), dW (n values), then the loss terms (m values) during a step.
        var scratch: [Double]

        init(dataset: Dataset, weights: [Double]) {
            n = dataset.inputCount
            m = dataset.sampleCount
            inputs = dataset.inputs
            targets = dataset.targets
            self.weights = weights
            scratch = [Double](repeating: 0, count: m + n + m)
        }

        mutating func advance<K: ExpLogKernel, O: StepObserver>(
            _ count: Int, learningRate alpha: Double, _ kernel: K.Type, _ observer: inout O
        ) {
            // The built-in tables are 4×3 and 4×2: with the sizes as constants the compiler unrolls
            // every loop and keeps the parameters in registers; any other shape takes the general path.
            switch (n, m) {
            case (3, 4): advance(count, alpha, n: 3, m: 4, kernel, &observer)
            case (2, 4): advance(count, alpha, n: 2, m: 4, kernel, &observer)
            default: advance(count, alpha, n: n, m: m, kernel, &observer)
            }
        }

        @inline(__always)
        private mutating func advance<K: ExpLogKernel, O: StepObserver>(
            _ count: Int, _ alpha: Double, n: Int, m: Int, _: K.Type, _ observer: inout O
        ) {
            // 1/m first, as NumPy's `1/m * np.dot(...)` computes it.
            let invM = 1 / Double(m)
            var b = bias
            inputs.withUnsafeBufferPointer { xs in
                targets.withUnsafeBufferPointer { ys in
                    weights.withUnsafeMutableBufferPointer { ws in
                        scratch.withUnsafeMutableBufferPointer { s in
                            let x = xs.baseAddress!, y = ys.baseAddress!, w = ws.baseAddress!
                            let dz = s.baseAddress!, dW = s.baseAddress! + m, terms = s.baseAddress! + m + n
                            for _ in 0..<count {
                                for i in 0..<m {
                                    let a = Math.sigmoid(Math.dot(x + i &* n, w, n) + b, K.self)
                                    dz[i] = a - y[i]
                                    if O.wantsLoss { terms[i] = Math.crossEntropyTerm(target: y[i], prediction: a, K.self) }
                                }
                                // −1/m first, as NumPy's `-1/m * np.sum(...)` computes it.
                                if O.wantsLoss { observer.observe(loss: -1 / Double(m) * Math.sum(terms, m)) }
                                for j in 0..<n { dW[j] = invM * Math.columnDot(x, j, n, dz, m) }
                                let db = invM * Math.sum(dz, m)
                                for j in 0..<n { w[j] = w[j] - alpha * dW[j] }
                                b = b - alpha * db
                            }
                        }
                    }
                }
            }
            bias = b
        }

        func predict<K: ExpLogKernel>(_ x: [Double], _: K.Type) -> Double {
            x.withUnsafeBufferPointer { xs in
                weights.withUnsafeBufferPointer { w in
                    Math.sigmoid(Math.dot(xs.baseAddress!, w.baseAddress!, n) + bias, K.self)
                }
            }
        }

        func trace<K: ExpLogKernel>(step: Int, learningRate alpha: Double, _: K.Type) -> StepTrace {
            let invM = 1 / Double(m)
            var z = [Double](repeating: 0, count: m), a = z, terms = z, dz = z
            var dW = [Double](repeating: 0, count: n)
            inputs.withUnsafeBufferPointer { x in
                weights.withUnsafeBufferPointer { w in
                    for i in 0..<m {
                        z[i] = Math.dot(x.baseAddress! + i * n, w.baseAddress!, n) + bias
                        a[i] = Math.sigmoid(z[i], K.self)
                        dz[i] = a[i] - targets[i]
                        terms[i] = Math.crossEntropyTerm(target: targets[i], prediction: a[i], K.self)
                    }
                    dz.withUnsafeBufferPointer { d in
                        for j in 0..<n { dW[j] = invM * Math.columnDot(x.baseAddress!, j, n, d.baseAddress!, m) }
                    }
                }
            }
            let db = dz.withUnsafeBufferPointer { invM * Math.sum($0.baseAddress!, m) }
            // −1/m first, as NumPy's `-1/m * np.sum(...)` computes it.
            let loss = terms.withUnsafeBufferPointer { -1 / Double(m) * Math.sum($0.baseAddress!, m) }
            return StepTrace(
                step: step, weightsBefore: weights, biasBefore: bias, z: z, predictions: a, lossTerms: terms,
                loss: loss, dz: dz, weightGradient: dW, biasGradient: db, learningRate: alpha,
                weightsAfter: (0..<n).map { weights[$0] - alpha * dW[$0] }, biasAfter: bias - alpha * db)
        }
    }
}

/// What a batch of steps reports as it goes. Generic, so the no-op observer compiles away.
protocol StepObserver {
    /// Whether the loop computes the loss of each state it leaves.
    static var wantsLoss: Bool { get }
    /// The loss of the state the current step starts from.
    mutating func observe(loss: Double)
}

private struct NoObserver: StepObserver {
    static var wantsLoss: Bool { false }
    func observe(loss: Double) {}
}

private struct ClosureObserver: StepObserver {
    static var wantsLoss: Bool { true }
    var step: Int
    let observe: (Int, Double) -> Void
    mutating func observe(loss: Double) {
        observe(step, loss)
        step += 1
    }
}
