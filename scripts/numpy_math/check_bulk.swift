// Bulk check and micro-benchmark of NumPyMath against NumPy's own results.
//
//   python3 scripts/numpy_math/make_reference.py bulk /tmp/numpy_math --scale 1
//   swiftc -O -wmo -parse-as-library Sources/PerceptronCore/NumPyMath.swift \
//       scripts/numpy_math/check_bulk.swift -o /tmp/numpy_math/check
//   /tmp/numpy_math/check /tmp/numpy_math          # compare, bit for bit (fast and literal paths)
//   /tmp/numpy_math/check /tmp/numpy_math --bench  # ns/call, NumPyMath vs the C library
// (-wmo matters: as in a release build, it lets the helpers and tables inline. Add
// `-target-cpu haswell -DNUMPYMATH_HARDWARE_FMA` to measure the hardware-FMA configuration.)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func readDoubles(_ path: String) -> [Double] {
    guard let f = fopen(path, "rb") else { fatalError("cannot open \(path)") }
    defer { fclose(f) }
    fseek(f, 0, SEEK_END)
    let count = ftell(f) / 8
    fseek(f, 0, SEEK_SET)
    var out = [Double](repeating: 0, count: count)
    let read = out.withUnsafeMutableBytes { fread($0.baseAddress, 8, count, f) }
    precondition(read == count, "short read \(path)")
    return out
}

func hex(_ x: Double) -> String {
    let s = String(x.bitPattern, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Latency: each call's input depends on the previous result (the training loop's situation).
@inline(never) func latency(_ name: String, _ xs: [Double], _ f: (Double) -> Double) {
    var acc = 0.0
    let t0 = now()
    for _ in 0..<1000 {
        for x in xs { acc = f(x + acc * 0x1p-80) }
    }
    let ns: Double = (now() - t0) / Double(1000 * xs.count) * 1e9
    print("latency   ", name, (ns * 10).rounded() / 10, "ns/call", acc == 0.5 ? "" : "")
}

/// Four independent calls per step, then a dependency: one training step's four sigmoids.
@inline(never) func fourPerStep(_ name: String, _ xs: [Double], _ f: (Double) -> Double) {
    var acc = 0.0
    let t0 = now()
    for _ in 0..<1000 {
        var i = 0
        while i + 3 < xs.count {
            let s = acc * 0x1p-80
            acc = f(xs[i] + s) + f(xs[i + 1] + s) + f(xs[i + 2] + s) + f(xs[i + 3] + s)
            i += 4
        }
    }
    let ns: Double = (now() - t0) / Double(1000 * xs.count / 4) * 1e9
    print("4 per step", name, (ns * 10).rounded() / 10, "ns/step", acc == 0.5 ? "" : "")
}

@main
struct Check {
    static func main() {
        let args = CommandLine.arguments
        let dir = args.count > 1 ? args[1] : "/tmp/numpy_math"
        if args.contains("--bench") {
            var g = SystemRandomNumberGenerator()
            let ze = (0..<4096).map { _ in Double.random(in: -30...30, using: &g) }
            let zl = (0..<4096).map { _ in Double.random(in: 1e-6...1, using: &g) }
            for _ in 0..<2 {
                latency("NumPyMath.exp      ", ze) { NumPyMath.exp($0) }
                latency("NumPyMath.expKernel", ze) { NumPyMath.expKernel($0) }
                latency("Glibc exp          ", ze) { exp($0) }
                latency("NumPyMath.log      ", zl) { NumPyMath.log($0) }
                latency("NumPyMath.logKernel", zl) { NumPyMath.logKernel($0) }
                latency("Glibc log          ", zl) { log($0) }
                fourPerStep("NumPyMath.exp      ", ze) { NumPyMath.exp($0) }
                fourPerStep("NumPyMath.expKernel", ze) { NumPyMath.expKernel($0) }
                fourPerStep("Glibc exp          ", ze) { exp($0) }
            }
            return
        }
        let functions: [(String, String, (Double) -> Double)] = [
            ("exp", "exp", NumPyMath.exp), ("exp", "expKernel", NumPyMath.expKernel),
            ("log", "log", NumPyMath.log), ("log", "logKernel", NumPyMath.logKernel),
        ]
        for (file, name, f) in functions {
            let xs = readDoubles("\(dir)/\(file)_in.f64")
            let ys = readDoubles("\(dir)/\(file)_out.f64")
            var bad = 0
            for i in xs.indices {
                let got = f(xs[i])
                if got.bitPattern != ys[i].bitPattern {
                    bad += 1
                    if bad <= 20 {
                        print("\(name) x=\(hex(xs[i])) (\(xs[i])) numpy=\(hex(ys[i])) (\(ys[i])) got=\(hex(got)) (\(got))")
                    }
                }
            }
            print("\(name): \(bad) mismatches of \(xs.count)")
        }
    }
}
