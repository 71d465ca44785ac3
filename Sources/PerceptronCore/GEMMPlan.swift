import CNumPyMath

/// The order in which NumPy's OpenBLAS sums one dgemm product of a given shape, worked out once
/// (`cnumpymath_gemm_plan`: blocks along k, and which elements its kernels sum another way) so
/// that each step only follows it.
struct GEMMPlan: Sendable {
    let rows, columns, k: Int
    /// Room for every block's bounds; the first `blocks + 1` are used.
    let bounds: [Int]
    let blocks: Int
    /// One code per element of C (row-major): 0 is one chain of fused multiply-adds per block.
    let modes: [UInt8]

    /// C = A·B with C rows × columns; `transposedB` for Xᵀ·dz1, whose X OpenBLAS reads transposed.
    init(kernels: MatrixKernels, transposedB: Bool, rows: Int, columns: Int, k: Int, threads: Int) {
        self.rows = rows
        self.columns = columns
        self.k = k
        var bounds = [Int](repeating: 0, count: k / 128 + 3)
        var modes = [UInt8](repeating: 0, count: rows * columns)
        blocks = bounds.withUnsafeMutableBufferPointer { b in
            modes.withUnsafeMutableBufferPointer { md in
                cnumpymath_gemm_plan(kernels == .skylakeX ? 1 : 0, transposedB ? 1 : 0, rows, columns, k, threads,
                                     b.baseAddress!, md.baseAddress!)
            }
        }
        self.bounds = bounds
        self.modes = modes
    }

    /// C = A·B where A[r][q] is a[r·aRow + q·aK] and B[q][c] is b[q·bK + c·bColumn].
    @inline(__always)
    func multiply(_ a: UnsafePointer<Double>, aRow: Int, aK: Int, _ b: UnsafePointer<Double>, bK: Int, bColumn: Int,
                  into c: UnsafeMutablePointer<Double>) {
        bounds.withUnsafeBufferPointer { bs in
            modes.withUnsafeBufferPointer { md in
                cnumpymath_gemm(rows, columns, k, a, aRow, aK, b, bK, bColumn, c, bs.baseAddress!, blocks,
                                md.baseAddress!)
            }
        }
    }

    var blockBounds: [Int] { Array(bounds[0...blocks]) }
}
