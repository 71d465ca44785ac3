import CNumPyMath

/// Trains a model — the notebook's perceptron (sigmoid, cross-entropy, gradient descent) or one
/// hidden layer of sigmoid units before it, with cross-entropy or Trask's squared error — one step
/// at a time, reproducing NumPy's arithmetic bit for bit: its order of evaluation and summation,
/// and the exp/log NumPy uses on the chosen kind of CPU (`arithmetic`).
///
/// State k is the model after k updates. Nothing per step is kept: advancing allocates nothing,
/// and the loss is computed only when asked for.
public struct Trainer: Sendable {
    public let dataset: Dataset
    public let seed: UInt32
    /// The exp/log kernel every step uses.
    public let arithmetic: Arithmetic
    /// The layers and the loss.
    public let model: ModelSpec
    /// Whose summation orders products of real numbers follow (0/1 inputs make a perceptron's exact).
    public let kernels: MatrixKernels
    /// How many threads of OpenBLAS the products are cut for (large products only; see `BLASThreads`).
    public let blasThreads: Int
    /// α. May change between steps (the visualiser's live learning-rate keys) through `setLearningRate`.
    public private(set) var learningRate: Double
    /// k, the number of updates made so far.
    public private(set) var step: Int = 0
    /// The output layer's weights of state k (a perceptron's W).
    public var weights: [Double] { network?.w2 ?? single?.weights ?? [] }
    /// The output unit's bias of state k (0 when the model has none).
    public var bias: Double { network?.b2 ?? single?.bias ?? 0 }

    // Exactly one of the two is set; optionals rather than an enum so that a step mutates the
    // storage in place (an enum payload would be copied out, and its arrays with it).
    private var single: Storage?
    private var network: NetworkStorage?

    /// Initialises the weights as NumPy's legacy generator does after `np.random.seed(seed)`: a
    /// perceptron's W as `2*np.random.random((n,1)) - 1`; with a hidden layer of h units W1 as
    /// `2*np.random.random((n,h)) - 1`, then W2 as `2*np.random.random((h,1)) - 1`. Biases start at 0.
    public init(dataset: Dataset, seed: UInt32 = 1, learningRate: Double = 1, model: ModelSpec = .perceptron,
                arithmetic: Arithmetic = .svml, kernels: MatrixKernels = .native,
                blasThreads: Int = BLASThreads.native) throws(EngineError) {
        guard learningRate.isFinite, learningRate > 0 else { throw .invalidLearningRate(String(learningRate)) }
        guard (1...BLASThreads.maximum).contains(blasThreads) else { throw .invalidBLASThreads(String(blasThreads)) }
        var random = LegacyRandom(seed: seed)
        self.dataset = dataset
        self.seed = seed
        self.arithmetic = arithmetic
        self.model = model
        self.kernels = kernels
        self.blasThreads = blasThreads
        self.learningRate = learningRate
        if let h = model.hiddenUnits {
            guard ModelSpec.hiddenUnitRange.contains(h) else { throw .invalidHiddenUnits(String(h)) }
            let w1 = random.uniformWeights(count: dataset.inputCount * h)
            let w2 = random.uniformWeights(count: h)
            network = NetworkStorage(dataset: dataset, model: model, kernels: kernels, threads: blasThreads, hiddenUnits: h,
                                     w1: w1, w2: w2)
        } else {
            single = Storage(dataset: dataset, model: model, kernels: kernels, threads: blasThreads,
                             weights: random.uniformWeights(count: dataset.inputCount))
        }
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
        case .svml:
            single?.advance(count, learningRate: learningRate, SVMLKernel.self, &observer)
            network?.advance(count, learningRate: learningRate, SVMLKernel.self, &observer)
        case .libm:
            single?.advance(count, learningRate: learningRate, LibmKernel.self, &observer)
            network?.advance(count, learningRate: learningRate, LibmKernel.self, &observer)
        }
        step += count
    }

    /// The layers of state k: the hidden layer first (if any), the output layer last.
    public var layers: [Layer] { network?.layers ?? single?.layers ?? [] }

    /// Every parameter of state k, flat, in the order of `parameterNames` (and of `train`'s columns):
    /// each layer's weights (input-major), then its biases, layer by layer.
    public var parameters: [Double] { layers.flatMap { $0.weights + ($0.biases ?? []) } }

    /// The parameters' names as `train`'s CSV header spells them: a perceptron's w1…wn, b; with a
    /// hidden layer w1_i_j (input i → hidden unit j), b1_j, w2_j (hidden unit j → output), b2.
    /// Biases a model does not have are left out.
    public var parameterNames: [String] {
        let n = dataset.inputCount
        guard let h = model.hiddenUnits else {
            return (1...n).map { "w\($0)" } + (model.hasBias ? ["b"] : [])
        }
        let hidden = (1...n).flatMap { i in (1...h).map { j in "w1_\(i)_\(j)" } }
        return hidden + (model.hasBias ? (1...h).map { "b1_\($0)" } : [])
            + (1...h).map { "w2_\($0)" } + (model.hasBias ? ["b2"] : [])
    }

    /// Sets parameter `index` (an index into `parameters`) to `value`: a hand edit. The step count
    /// stays; the next step starts from the edited state.
    public mutating func setParameter(_ index: Int, to value: Double) {
        precondition(index >= 0 && index < parameterNames.count, "parameter index out of range")
        single?.setParameter(index, to: value)
        network?.setParameter(index, to: value)
    }

    /// ŷ of state k for any input x (n values), with the arithmetic of the forward pass: for
    /// pictures of the whole input space.
    public func predict(_ x: [Double]) -> Double {
        if network != nil { return activations(x).last?.first ?? .nan }
        precondition(x.count == dataset.inputCount, "one value per input")
        return switch arithmetic {
        case .svml: single?.predict(x, SVMLKernel.self) ?? .nan
        case .libm: single?.predict(x, LibmKernel.self) ?? .nan
        }
    }

    /// Every layer's activations of state k for the input x (n values): the hidden units' (if
    /// any), then `[ŷ]`; the arithmetic is the forward pass's.
    public func activations(_ x: [Double]) -> [[Double]] {
        precondition(x.count == dataset.inputCount, "one value per input")
        return switch arithmetic {
        case .svml: network?.activations(x, SVMLKernel.self) ?? single.map { [[$0.predict(x, SVMLKernel.self)]] } ?? []
        case .libm: network?.activations(x, LibmKernel.self) ?? single.map { [[$0.predict(x, LibmKernel.self)]] } ?? []
        }
    }

    /// The predictions ŷ of state k.
    public func predictions() -> [Double] { trace().predictions }

    /// The model's loss of state k (may be +inf or NaN after divergence, as in NumPy).
    public func loss() -> Double { trace().loss }

    /// Every intermediate value of the step from state k to k+1.
    public func trace() -> StepTrace {
        let made: StepTrace? = switch arithmetic {
        case .svml:
            network?.trace(step: step, learningRate: learningRate, SVMLKernel.self)
                ?? single?.trace(step: step, learningRate: learningRate, SVMLKernel.self)
        case .libm:
            network?.trace(step: step, learningRate: learningRate, LibmKernel.self)
                ?? single?.trace(step: step, learningRate: learningRate, LibmKernel.self)
        }
        guard let made else { preconditionFailure("a trainer always has a model") }
        return made
    }
}

extension Trainer {
    /// A perceptron's parameters plus scratch space, flat and fixed-size so a step runs on raw pointers.
    struct Storage: Sendable {
        let n: Int
        let m: Int
        let inputs: [Double]
        let targets: [Double]
        let loss: Loss
        let hasBias: Bool
        let kernels: MatrixKernels
        let threads: Int
        /// Whether every input is 0 or 1 (the built-in tables): then every product is exact and
        /// only the order of the additions matters, and the unrolled 4×3 and 4×2 loops apply.
        let exactProducts: Bool
        var weights: [Double]
        var bias: Double = 0
        /// Holds dz (m values), dW (n values), the loss terms (m values), then X·W (m values) during a step.
        var scratch: [Double]

        init(dataset: Dataset, model: ModelSpec, kernels: MatrixKernels, threads: Int, weights: [Double]) {
            n = dataset.inputCount
            m = dataset.sampleCount
            inputs = dataset.inputs
            targets = dataset.targets
            loss = model.loss
            hasBias = model.hasBias
            self.kernels = kernels
            self.threads = threads
            exactProducts = dataset.inputs.allSatisfy { $0 == 0 || $0 == 1 }
            self.weights = weights
            scratch = [Double](repeating: 0, count: m + n + m + m)
        }

        var layers: [Layer] {
            [Layer(name: "output", inputCount: n, unitCount: 1, weights: weights, biases: hasBias ? [bias] : nil)]
        }

        mutating func setParameter(_ index: Int, to value: Double) {
            if index < n { weights[index] = value } else if hasBias { bias = value }
        }

        mutating func advance<K: ExpLogKernel, O: StepObserver>(
            _ count: Int, learningRate alpha: Double, _ kernel: K.Type, _ observer: inout O
        ) {
            switch loss {
            case .crossEntropy: advance(count, alpha, CrossEntropyRule.self, kernel, &observer)
            case .squared: advance(count, alpha, SquaredRule.self, kernel, &observer)
            }
        }

        private mutating func advance<R: LossRule, K: ExpLogKernel, O: StepObserver>(
            _ count: Int, _ alpha: Double, _ rule: R.Type, _ kernel: K.Type, _ observer: inout O
        ) {
            // The built-in tables are 4×3 and 4×2: with the sizes as constants the compiler unrolls
            // every loop and keeps the parameters in registers. Any other table takes the general
            // path, summing in the order of OpenBLAS's kernels for its shape, with their fused
            // multiply-adds (products of real numbers are rounded, so where they fuse matters).
            switch (n, m, exactProducts, kernels) {
            case (3, 4, true, _): advance(count, alpha, n: 3, m: 4, rule, kernel, &observer)
            case (2, 4, true, _): advance(count, alpha, n: 2, m: 4, rule, kernel, &observer)
            default: advanceGeneral(count, alpha, rule, kernel, &observer)
            }
        }

        /// The general step: z = X·W + b (dgemv_t), dW = (1/m)·Xᵀ·dz (dgemv_n, or ddot for one
        /// input) in the chosen kernel set's orders, cut as OpenBLAS cuts them for its threads, from
        /// C built with FMA where the CPU has it (in Swift each fused multiply-add would be a
        /// call); db and the loss as np.sum adds up.
        private mutating func advanceGeneral<R: LossRule, K: ExpLogKernel, O: StepObserver>(
            _ count: Int, _ alpha: Double, _: R.Type, _: K.Type, _ observer: inout O
        ) {
            let invM = 1 / Double(m), n = self.n, m = self.m
            let hasBias = self.hasBias
            let skylakeX: Int32 = kernels == .skylakeX ? 1 : 0
            let threads = self.threads
            var b = bias
            inputs.withUnsafeBufferPointer { xs in
                targets.withUnsafeBufferPointer { ys in
                    weights.withUnsafeMutableBufferPointer { ws in
                        scratch.withUnsafeMutableBufferPointer { s in
                            let x = xs.baseAddress!, y = ys.baseAddress!, w = ws.baseAddress!
                            let dz = s.baseAddress!, dW = s.baseAddress! + m, terms = s.baseAddress! + m + n
                            let products = s.baseAddress! + m + n + m
                            for _ in 0..<count {
                                cnumpymath_gemv_t(x, w, m, n, products, threads)
                                for i in 0..<m {
                                    let z = products[i]
                                    let a = Math.sigmoid(hasBias ? z + b : z, K.self)
                                    dz[i] = R.outputDelta(prediction: a, target: y[i])
                                    if O.wantsLoss { terms[i] = R.term(target: y[i], prediction: a, K.self) }
                                }
                                if O.wantsLoss { observer.observe(loss: R.total(terms, m)) }
                                cnumpymath_gemv_n(skylakeX, x, m, n, dz, dW, threads)
                                for j in 0..<n { dW[j] = R.scale(dW[j], invM: invM) }
                                for j in 0..<n { w[j] = w[j] - alpha * dW[j] }
                                if hasBias { b = b - alpha * R.scale(Math.sum(dz, m), invM: invM) }
                            }
                        }
                    }
                }
            }
            bias = b
        }

        @inline(__always)
        private mutating func advance<R: LossRule, K: ExpLogKernel, O: StepObserver>(
            _ count: Int, _ alpha: Double, n: Int, m: Int, _: R.Type, _: K.Type, _ observer: inout O
        ) {
            // 1/m first, as NumPy's `1/m * np.dot(...)` computes it.
            let invM = 1 / Double(m)
            let hasBias = self.hasBias
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
                                    dz[i] = R.outputDelta(prediction: a, target: y[i])
                                    if O.wantsLoss { terms[i] = R.term(target: y[i], prediction: a, K.self) }
                                }
                                if O.wantsLoss { observer.observe(loss: R.total(terms, m)) }
                                for j in 0..<n { dW[j] = R.scale(Math.columnDot(x, j, n, dz, m), invM: invM) }
                                for j in 0..<n { w[j] = w[j] - alpha * dW[j] }
                                if hasBias { b = b - alpha * R.scale(Math.sum(dz, m), invM: invM) }
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

        func trace<K: ExpLogKernel>(step: Int, learningRate alpha: Double, _ kernel: K.Type) -> StepTrace {
            switch loss {
            case .crossEntropy: trace(step: step, alpha, CrossEntropyRule.self, kernel)
            case .squared: trace(step: step, alpha, SquaredRule.self, kernel)
            }
        }

        private func trace<R: LossRule, K: ExpLogKernel>(step: Int, _ alpha: Double, _ rule: R.Type, _ kernel: K.Type) -> StepTrace {
            let unrolled = exactProducts && m == 4 && (n == 3 || n == 2)
            return trace(step: step, alpha, rule, kernel, unrolled: unrolled)
        }

        /// The step as `advance` makes it, keeping every intermediate: the unrolled loops' sums, or
        /// the general path's (the same C for the products).
        private func trace<R: LossRule, K: ExpLogKernel>(step: Int, _ alpha: Double, _: R.Type, _: K.Type,
                                                        unrolled: Bool) -> StepTrace {
            let invM = 1 / Double(m), n = self.n, m = self.m
            var z = [Double](repeating: 0, count: m), a = z, terms = z, dz = z
            var dW = [Double](repeating: 0, count: n), products = z
            inputs.withUnsafeBufferPointer { x in
                weights.withUnsafeBufferPointer { w in
                    if unrolled {
                        for i in 0..<m { products[i] = Math.dot(x.baseAddress! + i * n, w.baseAddress!, n) }
                    } else {
                        products.withUnsafeMutableBufferPointer {
                            cnumpymath_gemv_t(x.baseAddress!, w.baseAddress!, m, n, $0.baseAddress!, threads)
                        }
                    }
                    for i in 0..<m {
                        let product = products[i]
                        z[i] = hasBias ? product + bias : product
                        a[i] = Math.sigmoid(z[i], K.self)
                        dz[i] = R.outputDelta(prediction: a[i], target: targets[i])
                        terms[i] = R.term(target: targets[i], prediction: a[i], K.self)
                    }
                    dz.withUnsafeBufferPointer { d in
                        if unrolled {
                            for j in 0..<n { dW[j] = Math.columnDot(x.baseAddress!, j, n, d.baseAddress!, m) }
                        } else {
                            let skylakeX: Int32 = kernels == .skylakeX ? 1 : 0
                            dW.withUnsafeMutableBufferPointer {
                                cnumpymath_gemv_n(skylakeX, x.baseAddress!, m, n, d.baseAddress!, $0.baseAddress!, threads)
                            }
                        }
                        for j in 0..<n { dW[j] = R.scale(dW[j], invM: invM) }
                    }
                }
            }
            let db = hasBias ? dz.withUnsafeBufferPointer { R.scale(Math.sum($0.baseAddress!, m), invM: invM) } : 0
            let loss = terms.withUnsafeBufferPointer { R.total($0.baseAddress!, m) }
            let weightsAfter = (0..<n).map { weights[$0] - alpha * dW[$0] }
            let biasAfter = hasBias ? bias - alpha * db : bias
            let output = LayerTrace(
                layer: layers[0], z: z, activations: a, dz: dz, weightGradient: dW, biasGradient: hasBias ? [db] : nil,
                after: Layer(name: "output", inputCount: n, unitCount: 1, weights: weightsAfter,
                             biases: hasBias ? [biasAfter] : nil))
            return StepTrace(
                step: step, weightsBefore: weights, biasBefore: bias, z: z, predictions: a, lossTerms: terms,
                loss: loss, lossKind: self.loss, dz: dz, weightGradient: dW, biasGradient: db, learningRate: alpha,
                weightsAfter: weightsAfter, biasAfter: biasAfter, layers: [output])
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

struct NoObserver: StepObserver {
    static var wantsLoss: Bool { false }
    func observe(loss: Double) {}
}

struct ClosureObserver: StepObserver {
    static var wantsLoss: Bool { true }
    var step: Int
    let observe: (Int, Double) -> Void
    mutating func observe(loss: Double) {
        observe(step, loss)
        step += 1
    }
}
