import CNumPyMath

extension Trainer {
    /// One hidden layer of h sigmoid units and one sigmoid output unit: parameters plus scratch,
    /// flat and fixed-size so a step runs on raw pointers and allocates nothing.
    ///
    /// The step is NumPy's code for this network, every sum in the order the chosen OpenBLAS
    /// kernel set uses for its shapes: `SumOrder` for the matrix-vector products, a `GEMMPlan` for
    /// the two matrix products with X (`forward` X·W1, `backward` Xᵀ·dz1).
    struct NetworkStorage: Sendable {
        let n: Int
        let m: Int
        let h: Int
        let inputs: [Double]
        let targets: [Double]
        let loss: Loss
        let hasBias: Bool
        let kernels: MatrixKernels
        let threads: Int
        /// The built-in 4-row tables of 0s and 1s: their products with X are exact and their sums
        /// short, so plain loops give NumPy's bits and the step stays in registers.
        let exactSmall: Bool
        let forward: GEMMPlan
        let backward: GEMMPlan
        /// n × h, input-major: w1[i*h + j] joins input i to hidden unit j.
        var w1: [Double]
        var b1: [Double]
        var w2: [Double]
        var b2: Double = 0
        /// The last step's intermediates, laid out as `Offsets` says.
        var scratch: [Double]

        /// Where each intermediate lives in `scratch`.
        struct Offsets {
            let z1, a1, z2, a2, dz2, dz1, dW1, dW2, db1, terms, count: Int
            init(n: Int, m: Int, h: Int) {
                z1 = 0
                a1 = z1 + m * h
                z2 = a1 + m * h
                a2 = z2 + m
                dz2 = a2 + m
                dz1 = dz2 + m
                dW1 = dz1 + m * h
                dW2 = dW1 + n * h
                db1 = dW2 + h
                terms = db1 + h
                count = terms + m
            }
        }

        init(dataset: Dataset, model: ModelSpec, kernels: MatrixKernels, threads: Int, hiddenUnits h: Int, w1: [Double],
             w2: [Double]) {
            self.kernels = kernels
            self.threads = threads
            exactSmall = dataset.sampleCount == 4 && (dataset.inputCount == 2 || dataset.inputCount == 3)
                && dataset.inputs.allSatisfy { $0 == 0 || $0 == 1 }
            forward = GEMMPlan(kernels: kernels, transposedB: false, rows: dataset.sampleCount, columns: h,
                               k: dataset.inputCount, threads: threads)
            backward = GEMMPlan(kernels: kernels, transposedB: true, rows: dataset.inputCount, columns: h,
                                k: dataset.sampleCount, threads: threads)
            n = dataset.inputCount
            m = dataset.sampleCount
            self.h = h
            inputs = dataset.inputs
            targets = dataset.targets
            loss = model.loss
            hasBias = model.hasBias
            self.w1 = w1
            self.w2 = w2
            b1 = [Double](repeating: 0, count: h)
            scratch = [Double](repeating: 0, count: Offsets(n: n, m: m, h: h).count)
        }

        var layers: [Layer] {
            [Layer(name: "hidden", inputCount: n, unitCount: h, weights: w1, biases: hasBias ? b1 : nil),
             Layer(name: "output", inputCount: h, unitCount: 1, weights: w2, biases: hasBias ? [b2] : nil)]
        }

        /// `index` counts through w1, b1 (with a bias), w2, b2 (with a bias), as `parameters` lists them.
        mutating func setParameter(_ index: Int, to value: Double) {
            var i = index
            if i < n * h { w1[i] = value; return }
            i -= n * h
            if hasBias {
                if i < h { b1[i] = value; return }
                i -= h
            }
            if i < h { w2[i] = value; return }
            if hasBias { b2 = value }
        }

        mutating func advance<K: ExpLogKernel, O: StepObserver>(
            _ count: Int, learningRate alpha: Double, _ kernel: K.Type, _ observer: inout O
        ) {
            switch (loss, kernels) {
            case (.crossEntropy, .haswell): advance(count, alpha, CrossEntropyRule.self, HaswellOrder.self, kernel, &observer)
            case (.crossEntropy, .skylakeX): advance(count, alpha, CrossEntropyRule.self, SkylakeXOrder.self, kernel, &observer)
            case (.squared, .haswell): advance(count, alpha, SquaredRule.self, HaswellOrder.self, kernel, &observer)
            case (.squared, .skylakeX): advance(count, alpha, SquaredRule.self, SkylakeXOrder.self, kernel, &observer)
            }
        }

        private mutating func advance<R: LossRule, B: SumOrder, K: ExpLogKernel, O: StepObserver>(
            _ count: Int, _ alpha: Double, _ rule: R.Type, _ order: B.Type, _ kernel: K.Type, _ observer: inout O
        ) {
            // The built-in tables' shapes as constants, so the compiler unrolls the inner loops.
            switch (n, m, exactSmall) {
            case (3, 4, true): advance(count, alpha, n: 3, m: 4, exact: true, rule, order, kernel, &observer)
            case (2, 4, true): advance(count, alpha, n: 2, m: 4, exact: true, rule, order, kernel, &observer)
            default: advance(count, alpha, n: n, m: m, exact: false, rule, order, kernel, &observer)
            }
        }

        @inline(__always)
        private mutating func advance<R: LossRule, B: SumOrder, K: ExpLogKernel, O: StepObserver>(
            _ count: Int, _ alpha: Double, n: Int, m: Int, exact: Bool, _: R.Type, _: B.Type, _: K.Type,
            _ observer: inout O
        ) {
            let h = self.h, hasBias = self.hasBias, threads = self.threads
            let forward = self.forward, backward = self.backward
            let o = Offsets(n: n, m: m, h: h)
            // 1/m first, as NumPy's `1/m * np.dot(...)` computes it.
            let invM = 1 / Double(m)
            var b2 = self.b2
            inputs.withUnsafeBufferPointer { xs in
            targets.withUnsafeBufferPointer { ys in
            w1.withUnsafeMutableBufferPointer { w1s in
            b1.withUnsafeMutableBufferPointer { b1s in
            w2.withUnsafeMutableBufferPointer { w2s in
            scratch.withUnsafeMutableBufferPointer { s in
                let x = xs.baseAddress!, y = ys.baseAddress!
                let w1 = w1s.baseAddress!, b1 = b1s.baseAddress!, w2 = w2s.baseAddress!, base = s.baseAddress!
                let z1 = base + o.z1, a1 = base + o.a1, z2 = base + o.z2, a2 = base + o.a2
                let dz2 = base + o.dz2, dz1 = base + o.dz1, dW1 = base + o.dW1, dW2 = base + o.dW2
                let db1 = base + o.db1, terms = base + o.terms
                for _ in 0..<count {
                    // A1 = σ(X·W1 + b1).
                    if exact {
                        // Each element its n products summed in order from 0, as dgemm does here.
                        for i in 0..<m {
                            for j in 0..<h {
                                var sum = 0.0
                                for q in 0..<n { sum = sum + x[i &* n &+ q] * w1[q &* h &+ j] }
                                z1[i &* h &+ j] = sum
                            }
                        }
                    } else if h == 1 {
                        // W1 is a column: dgemv_t, or ddot for a single sample.
                        if m == 1 { B.gemvN(w1, m: n, k: 1, x, z1, threads: threads) }
                        else { B.gemvT(x, w1, rows: m, k: n, z1, threads: threads) }
                    } else if m == 1 {
                        // X is a row: W1ᵀ·x by dgemv_n.
                        B.gemvN(w1, m: n, k: h, x, z1, threads: threads)
                    } else {
                        forward.multiply(x, aRow: n, aK: 1, w1, bK: h, bColumn: 1, into: z1)
                    }
                    for i in 0..<m {
                        for j in 0..<h {
                            let z = z1[i &* h &+ j] + b1[j]
                            z1[i &* h &+ j] = z
                            a1[i &* h &+ j] = Math.sigmoid(z, K.self)
                        }
                    }
                    // A2 = σ(A1·W2 + b2): dgemv_t, or ddot for a single sample.
                    if m == 1 { B.gemvN(w2, m: h, k: 1, a1, z2, threads: threads) }
                    else { B.gemvT(a1, w2, rows: m, k: h, z2, threads: threads) }
                    for i in 0..<m {
                        let z = z2[i] + b2
                        z2[i] = z
                        let a = Math.sigmoid(z, K.self)
                        a2[i] = a
                        dz2[i] = R.outputDelta(prediction: a, target: y[i])
                        if O.wantsLoss { terms[i] = R.term(target: y[i], prediction: a, K.self) }
                    }
                    if O.wantsLoss { observer.observe(loss: R.total(terms, m)) }
                    // dW2 = (1/m)·A1ᵀ·dz2: dgemv_n (ddot for one hidden unit).
                    B.gemvN(a1, m: m, k: h, dz2, dW2, threads: threads)
                    for j in 0..<h { dW2[j] = R.scale(dW2[j], invM: invM) }
                    // dz1 = (dz2·W2ᵀ) ∘ σ'(A1), with W2 before its update.
                    for i in 0..<m {
                        for j in 0..<h {
                            dz1[i &* h &+ j] = R.hiddenDelta(dz2[i] * w2[j], activation: a1[i &* h &+ j])
                        }
                    }
                    // dW1 = (1/m)·Xᵀ·dz1.
                    if exact {
                        // dgemm summed in order from 0; with one hidden unit dgemv_n.
                        for q in 0..<n {
                            for j in 0..<h {
                                var sum = 0.0
                                if h == 1 {
                                    sum = Math.columnDot(x, q, n, dz1, m)
                                } else {
                                    for i in 0..<m { sum = sum + x[i &* n &+ q] * dz1[i &* h &+ j] }
                                }
                                dW1[q &* h &+ j] = sum
                            }
                        }
                    } else if h == 1 {
                        // dz1 is a column: dgemv_n (ddot for one input).
                        B.gemvN(x, m: m, k: n, dz1, dW1, threads: threads)
                    } else if n == 1 {
                        // Xᵀ is a row: dz1ᵀ·x by dgemv_n.
                        B.gemvN(dz1, m: m, k: h, x, dW1, threads: threads)
                    } else {
                        backward.multiply(x, aRow: 1, aK: n, dz1, bK: h, bColumn: 1, into: dW1)
                    }
                    for q in 0..<(n &* h) { dW1[q] = R.scale(dW1[q], invM: invM) }
                    for q in 0..<(n &* h) { w1[q] = w1[q] - alpha * dW1[q] }
                    for j in 0..<h { w2[j] = w2[j] - alpha * dW2[j] }
                    if hasBias {
                        // db1: a running sum down each column of the (m, h) matrix (np.sum over axis
                        // 0; a single column is summed as np.sum sums any vector).
                        for j in 0..<h {
                            var sum = 0.0
                            if h == 1 {
                                sum = Math.sum(dz1, m)
                            } else {
                                for i in 0..<m { sum = sum + dz1[i &* h &+ j] }
                            }
                            db1[j] = R.scale(sum, invM: invM)
                            b1[j] = b1[j] - alpha * db1[j]
                        }
                        b2 = b2 - alpha * R.scale(Math.sum(dz2, m), invM: invM)
                    }
                }
            }
            }
            }
            }
            }
            }
            self.b2 = b2
        }

        func activations<K: ExpLogKernel>(_ x: [Double], _: K.Type) -> [[Double]] {
            var hidden = [Double](repeating: 0, count: h)
            for j in 0..<h {
                var sum = 0.0
                for q in 0..<n { sum = sum + x[q] * w1[q * h + j] }
                hidden[j] = Math.sigmoid(sum + b1[j], K.self)
            }
            let z = hidden.withUnsafeBufferPointer { a in
                w2.withUnsafeBufferPointer { w in cnumpymath_gemv_t_row(a.baseAddress!, w.baseAddress!, h, 0, m) }
            }
            return [hidden, [Math.sigmoid(z + b2, K.self)]]
        }

        /// The step from this state, made by the training loop itself on a copy, so every value
        /// is the loop's own.
        func trace<K: ExpLogKernel>(step: Int, learningRate alpha: Double, _ kernel: K.Type) -> StepTrace {
            var copy = self
            var recorder = LastLossObserver()
            copy.advance(1, learningRate: alpha, kernel, &recorder)
            let o = Offsets(n: n, m: m, h: h)
            let s = copy.scratch
            func part(_ offset: Int, _ count: Int) -> [Double] { Array(s[offset..<(offset + count)]) }
            let dz2 = part(o.dz2, m)
            let dW2 = part(o.dW2, h)
            let db2 = hasBias ? copy.scaledSum(dz2) : 0
            let before = layers, after = copy.layers
            let hidden = LayerTrace(
                layer: before[0], z: part(o.z1, m * h), activations: part(o.a1, m * h), dz: part(o.dz1, m * h),
                weightGradient: part(o.dW1, n * h), biasGradient: hasBias ? part(o.db1, h) : nil, after: after[0])
            let output = LayerTrace(
                layer: before[1], z: part(o.z2, m), activations: part(o.a2, m), dz: dz2,
                weightGradient: dW2, biasGradient: hasBias ? [db2] : nil, after: after[1])
            return StepTrace(
                step: step, weightsBefore: w2, biasBefore: b2, z: output.z, predictions: output.activations,
                lossTerms: part(o.terms, m), loss: recorder.loss, lossKind: loss, dz: dz2, weightGradient: dW2, biasGradient: db2,
                learningRate: alpha, weightsAfter: copy.w2, biasAfter: copy.b2, layers: [hidden, output])
        }

        /// db2 as the loop computes it (the loop does not keep it).
        private func scaledSum(_ dz2: [Double]) -> Double {
            let invM = 1 / Double(m)
            return dz2.withUnsafeBufferPointer { d in
                switch loss {
                case .crossEntropy: CrossEntropyRule.scale(Math.sum(d.baseAddress!, m), invM: invM)
                case .squared: SquaredRule.scale(Math.sum(d.baseAddress!, m), invM: invM)
                }
            }
        }
    }
}

/// Keeps the loss of the one state a traced step starts from.
struct LastLossObserver: StepObserver {
    static var wantsLoss: Bool { true }
    var loss = Double.nan
    mutating func observe(loss: Double) { self.loss = loss }
}
